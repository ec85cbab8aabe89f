"""A cfn-lint rule (run with --append-rules infra/lint): a Lambda version is republished exactly when
its function's versioned settings change.

CloudFormation replaces an AWS::Lambda::Version only when one of its own properties changes, so its
Description must name every parameter the function's versioned settings depend on (else the alias
keeps serving the old settings), and nothing else (Lambda refuses to publish an unchanged function,
which fails the update). The code is pinned by CodeSha256, not by the bucket and key that locate it.
"""

import re

from cfnlint.rules import CloudFormationLintRule, RuleMatch

# Function-level settings a published version does not hold, and Code (see above).
UNVERSIONED = {"FunctionName", "ReservedConcurrentExecutions", "Tags", "Code"}


def parameters_in(node, parameters, conditions):
    """The parameters a template fragment depends on, through Ref, Fn::Sub and conditions."""
    found = set()
    if isinstance(node, list):
        for item in node:
            found |= parameters_in(item, parameters, conditions)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref":
                found |= {value} & parameters
            elif key == "Fn::Sub":
                text, variables = (value[0], value[1]) if isinstance(value, list) else (value, {})
                found |= set(re.findall(r"\$\{([A-Za-z0-9]+)\}", text)) & parameters
                found |= parameters_in(variables, parameters, conditions)
            elif key == "Fn::If":
                found |= parameters_in(conditions.get(value[0]), parameters, conditions)
                found |= parameters_in(value[1:], parameters, conditions)
            elif key == "Condition" and isinstance(value, str):
                found |= parameters_in(conditions.get(value), parameters, conditions)
            else:
                found |= parameters_in(value, parameters, conditions)
    return found


class VersionRepublishes(CloudFormationLintRule):
    id = "E9101"
    shortdesc = "A Lambda version is republished exactly when its function's versioned settings change"
    description = __doc__
    tags = ["resources", "lambda"]

    def match(self, cfn):
        matches = []
        parameters = set(cfn.template.get("Parameters", {}))
        conditions = cfn.template.get("Conditions", {})
        functions = cfn.get_resources(["AWS::Lambda::Function"])
        for name, version in cfn.get_resources(["AWS::Lambda::Version"]).items():
            props = version.get("Properties", {})
            target = props.get("FunctionName")
            if not isinstance(target, dict) or target.get("Ref") not in functions:
                continue
            function = target["Ref"]
            settings = parameters_in(
                {k: v for k, v in functions[function].get("Properties", {}).items() if k not in UNVERSIONED},
                parameters,
                conditions,
            )
            if "CodeSha256" not in props:
                matches.append(
                    RuleMatch(
                        ["Resources", name, "Properties"],
                        f"{name} pins no code: give it CodeSha256, so that new code publishes a new version",
                    )
                )
            code = parameters_in(props.get("CodeSha256"), parameters, conditions)
            named = parameters_in(props.get("Description"), parameters, conditions)
            path = ["Resources", name, "Properties", "Description"]
            for parameter in sorted(settings - named):
                matches.append(
                    RuleMatch(
                        path,
                        f"{parameter} changes {function}'s versioned settings but is not in {name}'s "
                        "Description: changing it would not publish a new version",
                    )
                )
            for parameter in sorted(named - settings - code):
                matches.append(
                    RuleMatch(
                        path,
                        f"{parameter} is in {name}'s Description but does not change {function}: "
                        "changing only it would ask Lambda to publish an unchanged function, which it refuses",
                    )
                )
        return matches
