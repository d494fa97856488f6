#!/usr/bin/env python3
"""Writes docs/errors.md from the error catalogue (peakline-core dev.peakline.problems.ErrorCode).

Run after adding a code: python3 tools/errors_doc.py. ErrorCatalogueTest fails when the page lacks a code.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "peakline-core/src/main/java/dev/peakline/problems/ErrorCode.java"
STATUS = {"MALFORMED": 400, "PRECONDITION": 428, "INVALID": 422, "UNAUTHENTICATED": 401, "FORBIDDEN": 403, "NOT_FOUND": 404,
          "METHOD": 405, "CONFLICT": 409, "TOO_LARGE": 413, "TOO_MANY": 429, "UNAVAILABLE": 503, "INTERNAL": 500}
HEAD = """# Error codes

Every refusal of the API is a Problem Details body (RFC 9457, `application/problem+json`):

```json
{
  "type": "https://peakline.dev/problems/filing.invalid",
  "title": "填报数据有误，未保存任何内容",
  "status": 422,
  "detail": "2 problem(s); nothing was stored",
  "instance": "/api/v1/enterprises/91520181MA6DKQ3L5C/filings",
  "code": "filing.invalid",
  "problems": [
    {"code": "quantity.negative", "source": "form", "row": 1, "column": "quantity", "message": "…"}
  ]
}
```

- `code` is stable: scripts branch on it, never on `detail` or `title`.
- `title` is the code's title in the caller's language: Chinese unless the request's `Accept-Language` starts with
  `en`. `detail` says what exactly is wrong in this case.
- `problems` lists the findings, each with the field (`column`, `row` 0) or the row and column of a file, its own code
  and a message. Validation answers **422** with the whole list; nothing is stored when there is any problem.
- State conflicts answer **409** (recognised by the database constraint's name, never by message text), unknown
  things **404**, another caller's data **403**, a request that cannot be read at all **400**.
- **500** is our mistake: the body carries `errorId`, the same id is in the server log with the stack trace, and the
  exception's own text is never shown.

The catalogue is `dev.peakline.problems.ErrorCode`; this page is written from it by `tools/errors_doc.py`, and
`ErrorCatalogueTest` fails when a code is missing here. Row-level codes inside `problems` (for example
`quantity.negative`, `unit.dimension`) are listed with the file formats in the user guide.

| code | HTTP | 中文 | English |
|---|---|---|---|
"""


def main():
    text = SOURCE.read_text(encoding="utf-8")
    rows = re.findall(r'[A-Z_]+\(\s*"([\w.]+)",\s*Kind\.(\w+),\s*"([^"]*)",\s*"([^"]*)"\)', text)
    lines = [f"| `{c}` | {STATUS[k]} | {zh} | {en} |" for c, k, zh, en in rows]
    (ROOT / "docs/errors.md").write_text(HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"docs/errors.md: {len(rows)} codes")


if __name__ == "__main__":
    main()
