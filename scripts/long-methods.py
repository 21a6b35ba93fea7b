#!/usr/bin/env python3
"""Lists the methods and constructors of src/main/java longer than a limit (60 lines unless told), longest first.

A method's length counts from its signature line to its closing brace. Usage: scripts/long-methods.py [limit] [root]
Exits 1 when a method is over the limit, so that a build step may use it.
"""
import pathlib
import re
import sys

TYPE_DECLARATION = re.compile(r"\b(class|interface|enum|record)\s+[A-Za-z_]\w*")
ANONYMOUS_CLASS = re.compile(r"\bnew\s+[\w.<>, ?]+\([^;]*\)$", re.S)
CONTROL = re.compile(r"^(if|for|while|switch|catch|synchronized|try|do|else|return|new|throw)\b")
METHOD = re.compile(r"(\w+)\s*(<[^()]*>)?\s*\([^;]*\)\s*(throws\s+[\w.,\s<>]+)?$", re.S)


def blank_literals(text):
    """The source with comments, strings, text blocks and char literals blanked out, newlines kept."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2) + 2
        elif text.startswith('"""', i):
            end = text.find('"""', i + 3) + 3
        elif text[i] in "\"'":
            end = i + 1
            while text[end] != text[i]:
                end += 2 if text[end] == "\\" else 1
            end += 1
        else:
            out.append(text[i])
            i += 1
            continue
        out.append("".join(c if c == "\n" else " " for c in text[i:end]))
        i = end
    return "".join(out)


def methods(path):
    """(name, first line, last line) of every method and constructor declared directly in a type body."""
    code = blank_literals(path.read_text(encoding="utf-8"))
    stack = []  # one entry per open brace: "type", "method" or "other"
    found = []
    head_start = 0  # where the text that precedes the next brace begins
    for pos, ch in enumerate(code):
        if ch in ";":
            head_start = pos + 1
        elif ch == "{":
            head = code[head_start:pos]
            stripped = re.sub(r"@\w+(\.\w+)*(\([^()]*\))?", " ", head).strip()
            in_type = not stack or stack[-1] == "type"
            if TYPE_DECLARATION.search(stripped) or ANONYMOUS_CLASS.search(stripped):
                kind = "type"
            elif in_type and METHOD.search(stripped) and not CONTROL.match(stripped) and "=" not in stripped.split("(")[0]:
                kind = "method"
                name = METHOD.search(stripped).group(1)
                first = code.count("\n", 0, head_start + (len(head) - len(head.lstrip()))) + 1
                found.append([name, first, None, len(stack)])
            else:
                kind = "other"
            stack.append(kind)
            head_start = pos + 1
        elif ch == "}":
            kind = stack.pop()
            if kind == "method":
                for entry in reversed(found):
                    if entry[2] is None:
                        entry[2] = code.count("\n", 0, pos) + 1
                        break
            head_start = pos + 1
    return [(name, first, last) for name, first, last, _ in found]


def signature_line(lines, first):
    """The line where the signature begins: annotations on lines of their own are not counted."""
    while lines[first - 1].strip().startswith("@"):
        first += 1
    return first


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    root = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "src/main/java")
    long_ones = []
    for path in sorted(root.rglob("*.java")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for name, first, last in methods(path):
            first = signature_line(lines, first)
            length = last - first + 1
            if length > limit:
                long_ones.append((length, str(path.relative_to(root)), name, first))
    for length, path, name, first in sorted(long_ones, key=lambda m: (-m[0], m[1])):
        print(f"{length:4d}  {path}:{first}  {name}")
    return 1 if long_ones else 0


if __name__ == "__main__":
    sys.exit(main())
