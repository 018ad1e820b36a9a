#!/usr/bin/env python3
"""The shape figures of issue 22, for any revision: largest classes, services with the most
collaborators, Object[] uses and fully-qualified names in src/main, unit and integration test counts.

    bench/shape-figures.py            # the working tree
    bench/shape-figures.py 1eb44ae    # a revision (read with git, nothing checked out)

A collaborator is a parameter of the constructor Spring calls (the only or the @Autowired one)
of a class annotated @Service, @Component, @Repository or @Controller/@RestController.
A fully-qualified name is a dotted package path ending in a type name, used in code (not in an
import, a package line, a comment or a string).
"""
import re
import subprocess
import sys
from pathlib import Path

REV = sys.argv[1] if len(sys.argv) > 1 else None


def files(prefix):
    if REV:
        out = subprocess.run(["git", "ls-tree", "-r", "--name-only", REV, prefix],
                             capture_output=True, text=True, check=True).stdout
        for name in out.split():
            if name.endswith(".java"):
                text = subprocess.run(["git", "show", f"{REV}:{name}"], capture_output=True,
                                      text=True, check=True).stdout
                yield name, text
    else:
        for p in sorted(Path(prefix).rglob("*.java")):
            yield str(p), p.read_text(encoding="utf-8")


def strip(text):
    """Comments and string literals out, so that only code is counted."""
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", "", text)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(?:\\.|[^'\\\n])*'", "''", text)
    return text


FQN = re.compile(r"(?<![\w.])(?:java|javax|jakarta|org|com|net|io|tools)(?:\.[a-z_][a-z0-9_]*)+\.[A-Z]\w*")
BEAN = re.compile(r"^@(Service|Component|Repository|Controller|RestController)\b", re.M)


def collaborators(name, code):
    cls = Path(name).stem
    ctors = [m for m in re.finditer(r"(?:public|protected|private)?\s*" + cls + r"\s*\(([^)]*)\)\s*(?:throws[^{]*)?\{", code)]
    if not ctors:
        return 0
    params = max((m.group(1) for m in ctors), key=lambda p: p.count(","))
    params = re.sub(r"@\w+(\([^)]*\))?", "", params).strip()
    if not params:
        return 0
    depth, count = 0, 1
    for ch in params:
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        elif ch == "," and depth == 0:
            count += 1
    return count


main = list(files("src/main/java"))
sizes = sorted(((len(t.splitlines()), n) for n, t in main), reverse=True)
objects = fqns = 0
services = []
for n, t in main:
    code = strip(t)
    body = "\n".join(l for l in code.splitlines() if not l.startswith(("import ", "package ")))
    objects += body.count("Object[]")
    fqns += len(FQN.findall(body))
    if BEAN.search(t):
        services.append((collaborators(n, code), n))
services.sort(reverse=True)

tests = list(files("src/test/java"))
unit_classes = [n for n, _ in tests if n.endswith("Test.java") or n.endswith("Tests.java")]
it_classes = [n for n, _ in tests if n.endswith("IT.java")]
count = lambda names: sum(len(re.findall(r"@(?:Test|ParameterizedTest)\b", dict(tests)[n])) for n in names)

print(f"revision: {REV or 'working tree'}")
print(f"classes in src/main: {len(main)}, lines: {sum(s for s, _ in sizes)}")
print(f"classes over 400 lines: {sum(1 for s, _ in sizes if s > 400)}")
for s, n in sizes[:12]:
    print(f"  {s:5d}  {n.removeprefix('src/main/java/org/jixing/')}")
print(f"beans over 7 collaborators: {sum(1 for c, _ in services if c > 7)}")
for c, n in services[:8]:
    print(f"  {c:5d}  {n.removeprefix('src/main/java/org/jixing/')}")
print(f"Object[] in src/main code: {objects}")
print(f"fully-qualified names in src/main code: {fqns}")
print(f"unit tests: {count(unit_classes)} in {len(unit_classes)} classes; "
      f"integration tests: {count(it_classes)} in {len(it_classes)} classes")
