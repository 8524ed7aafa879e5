"""QuickStatements' V1 parser (importDataFromV1 and parseValueV1 of QuickStatements'
quickstatements.php), ported line for line to Python so the tests read our lines as it does: a
line becomes commands, or a command with an error; values it cannot parse get a PARSE error.
"""

from __future__ import annotations

import re

_ENTITY = re.compile(r"^(?:[PQLM]\d+|L\d+-[FS]\d+)$")
_LAST = ("LAST", "LAST_FORM", "LAST_SENSE")
_DATATYPES = {"commonsMedia", "globe-coordinate", "wikibase-item", "wikibase-property", "string",
              "monolingualtext", "external-id", "quantity", "time", "url", "math", "geo-shape",
              "musical-notation", "tabular-data", "wikibase-lexeme", "wikibase-form", "wikibase-sense"}


def parse_value(v: str, cmd: dict) -> None:
    v = v.strip()
    if v in ("somevalue", "novalue"):
        cmd["datavalue"] = {"value": v, "type": v}
        return
    if v in _LAST:
        cmd["datavalue"] = {"type": "wikibase-entityid", "value": {"entity-type": "item", "id": v}}
        return
    if _ENTITY.match(v):
        cmd["datavalue"] = {"type": "wikibase-entityid", "value": {"id": v.upper()}}
        return
    if m := re.match(r'^"(.*)"$', v, re.IGNORECASE | re.DOTALL):
        cmd["datavalue"] = {"type": "string", "value": m[1].strip()}
        return
    if m := re.match(r'^([a-z_-]+):"(.*)"$', v, re.IGNORECASE | re.DOTALL):
        cmd["datavalue"] = {"type": "monolingualtext", "value": {"language": m[1], "text": m[2].strip()}}
        return
    if m := re.match(r"^([+-]?)(\d+)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z/?(\d*)(/J)?$", v, re.IGNORECASE):
        cmd["datavalue"] = {"type": "time", "value": {"time": re.sub(r"/\d+$", "", v),
                                                      "precision": int(m[8]) if m[8] else 9}}
        return
    if m := re.match(r"^([+-]?\d+(\.\d+)?)(U(\d+))?$", v):
        cmd["datavalue"] = {"type": "quantity", "value": {"amount": m[1], "unit": f"Q{m[4]}" if m[4] else "1"}}
        return
    cmd["datavalue"] = {"type": "unknown", "text": v}
    cmd["error"] = ["PARSE", "Unknown V1 value format"]


def parse(data: str) -> list[dict]:
    """The commands of a V1 batch, as importDataFromV1 makes them (errors kept on their command)."""
    commands: list[dict] = []
    if "\n" not in data:
        data = data.replace("||", "\n")
    for row in data.split("\n"):
        row = row.strip()
        if "\t" not in row:
            row = row.replace("|", "\t")
        comment = ""
        if m := re.match(r"^(.*?) */\* *(.*?) *\*/ *$", row):
            comment, row = m[2], m[1]
        cols = row.split("\t")
        while len(cols) > 1 and cols[0].strip() == "":
            cols.pop(0)
        cmd: dict = {}
        skip_add = False
        action = "add"
        if cols and (m := re.match(r"^-(.+)$", cols[0])):
            action, cols[0] = "remove", m[1]
        first = cols[0].strip().upper()
        first_is_item = bool(_ENTITY.match(first)) or first in _LAST
        if len(cols) >= 3 and first_is_item and (_ENTITY.match(cols[1]) or re.match(r"^(!P)(\d+)$", cols[1], re.I)):
            prop = cols[1].strip().upper().lstrip("!")
            cmd = {"action": action, "item": first, "property": prop, "what": "statement"}
            if comment:
                cmd["summary"] = comment
            parse_value(cols[2], cmd)
            cols = cols[3:]
            while len(cols) >= 2:
                key, value = cols.pop(0).strip().upper(), cols.pop(0)
                if m := re.match(r"^(S|P|!S)(\d+)$", key, re.I):
                    what = "sources" if m[1] in ("S", "!S") else "qualifier"
                    if not skip_add:
                        commands.append(cmd)
                    skip_add = False
                    last = commands[-1]
                    cmd = {"action": action, "item": first, "property": prop, "what": what,
                           "datavalue": last.get("datavalue")}
                    dummy: dict = {}
                    parse_value(value, dummy)
                    if "error" in dummy:
                        cmd["error"] = dummy["error"]
                    dv = {"prop": f"P{m[2]}", "value": dummy["datavalue"]}
                    cmd[what] = [dv] if what == "sources" else dv
                    if what == "sources" and last["what"] == what:
                        last[what].append(dv)
                        if "error" in dummy:
                            last["error"] = dummy["error"]
                        skip_add = True
            if cols:
                cmd["error"] = "Incomplete reference/qualifier list"
        elif len(cols) == 3 and first_is_item and (m := re.match(r"^([LADS])([a-z_-]+)$", cols[1], re.I)):
            cmd = {"action": action, "what": {"L": "label", "D": "description", "A": "alias", "S": "sitelink"}[
                m[1].upper()], "item": first, "language": m[2].strip().lower()}
            parse_value(cols[2], cmd)
            if "value" not in cmd.get("datavalue", {}):
                cmd["error"] = "Broken command"
        elif first == "CREATE":
            cmd = {"action": "create", "type": "item"}
        elif first == "CREATE_PROPERTY" and len(cols) >= 2:
            datatype = cols[1].strip().lower()
            datatype = "commonsMedia" if datatype == "commonsmedia" else datatype
            cmd = {"action": "create", "type": "property", "data": {"datatype": datatype}}
            if datatype not in _DATATYPES:
                cmd["error"] = f'Unknown datatype: "{datatype}".'
        if cmd.get("action") and not skip_add:
            if comment:
                cmd.setdefault("summary", comment)
            commands.append(cmd)
        elif row and not cmd:
            commands.append({"error": "Unrecognised line", "line": row})
    return commands
