// CSV as the trainer reads it (commons-csv, RFC 4180): a header row, fields separated by commas,
// quoted fields may hold commas, quotes ("") and line breaks; fields are trimmed; empty lines skipped.

/** Returns {header: [names], rows: [{line, fields: [text]}]}; line is the row's first line in the file (1-based). */
export function parseCsv(text) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => {
    fields.push(field.trim());
    field = '';
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '') {
      records.push({line: recordLine, fields});
    }
    fields = [];
  };
  if (text.charCodeAt(0) === 0xfeff) {
    i = 1; // a byte-order mark
  }
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || fields.length > 0) {
    endRecord();
  }
  const [head, ...rows] = records;
  return {header: head ? head.fields : [], rows};
}
