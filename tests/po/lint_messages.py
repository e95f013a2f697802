#!/usr/bin/env python3
"""No message for people bypasses core::tr (pipeline/core/messages.hpp).

Fails, naming file:line, when the message given to a diagnostic
(diagnostics.error/warning/note), to a Poco logger (information, notice,
warning, error, critical, fatal) or to an exception a person reads (the
settings and lock errors, std::runtime_error, std::invalid_argument, Poco's
InvalidArgumentException) holds a string literal of words outside tr(),
trn() or tr_noop(): such a text would reach people untranslated. Literals
without words ("", ": ", "\\n") and values stay allowed.
Usage: lint_messages.py SOURCE_DIR | --self-test
"""
import os
import re
import sys

CALL = re.compile(
    r"(?:(?:\.|->)(?:error|warning|note|information|notice|critical|fatal)"
    r"|\b(?:std::runtime_error|std::invalid_argument|InvalidArgumentException|SettingsError|OutputBusy|os_error"
    r"|Option|setHeader|setUsage))\(")
# What the program prints itself: "fuel: " (its name) may stand before a message.
STREAM = re.compile(r"\bstd::(?:cerr|cout)\s*<<")
PROGRAM_NAME = {"fuel: ", "fuel "}
TRANSLATED = re.compile(r"\b(?:tr|trn|tr_noop)\($")
WORDS = re.compile(r"[^\W\d_]{3,}")


def skip_literal(s, i):
    quote = s[i]
    i += 1
    while s[i] != quote:
        i += 2 if s[i] == "\\" else 1
    return i + 1


def arguments_end(s, i):
    """Index of the ')' that closes the call whose '(' is at i - 1."""
    depth = 0
    while i < len(s):
        c = s[i]
        if c in "\"'":
            i = skip_literal(s, i)
            continue
        if s.startswith("//", i):
            i = s.index("\n", i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return i


def statement_end(s, i):
    """Index of the ';' that ends the statement going on at i."""
    while s[i] != ";":
        i = skip_literal(s, i) if s[i] in "\"'" else i + 1
    return i


def untranslated_literals(s, start, end):
    """The literals of words in s[start:end] that no tr(...) encloses."""
    found = []
    stack = []  # for each open '(', whether it opened a tr call
    i = start
    while i < end:
        c = s[i]
        if c == '"':
            j = skip_literal(s, i)
            text = s[i + 1:j - 1]
            if not any(stack) and WORDS.search(text) and text not in PROGRAM_NAME:
                found.append(text)
            i = j
            continue
        if c == "'":
            i = skip_literal(s, i)
            continue
        if c == "(":
            stack.append(bool(TRANSLATED.search(s[max(start, i - 8):i + 1])))
        elif c == ")" and stack:
            stack.pop()
        i += 1
    return found


def last_argument(s, start, end):
    """Where the last top-level argument of s[start:end] begins."""
    depth, i, begin = 0, start, start
    while i < end:
        c = s[i]
        if c in "\"'":
            i = skip_literal(s, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            begin = i + 1
        i += 1
    return begin


def lint(path, text):
    problems = []
    # Comments out, lines kept.
    code = re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    for m in CALL.finditer(code):
        end = arguments_end(code, m.end())
        # The message is the last argument; those before it are places and keys.
        for literal in untranslated_literals(code, last_argument(code, m.end(), end), end):
            line = code.count("\n", 0, m.start()) + 1
            problems.append('%s:%d: "%s" is not written with core::tr' % (path, line, literal[:80]))
    for m in STREAM.finditer(code):
        for literal in untranslated_literals(code, m.end(), statement_end(code, m.end())):
            line = code.count("\n", 0, m.start()) + 1
            problems.append('%s:%d: "%s" is printed without core::tr' % (path, line, literal[:80]))
    return problems


def self_test():
    bad = [
        'd.error(where, "the file is empty");',
        'diagnostics.warning(w, what + " occurs again");',
        'logger().information("stopping");',
        'throw std::runtime_error("cannot write " + path);',
        'log.error(core::tr("{1} failed", x) + " and more words");',
        'std::cerr << "fuel: expected one command" << std::endl;',
        'options.addOption(Option("help", "h", "show this help and exit"));',
    ]
    good = [
        'd.error(where, core::tr("the file is empty"));',
        'd.error(where, core::tr("{1}: {2}", who, name));',
        'log.information(core::trn("{1} document", "{1} documents", n, s));',
        'd.error(where, message);',
        'd.warning(w, core::tr(kMessage, name) + "; " + other);',
        'd.error(cell_at(row, "bedömning", where), core::tr("bad"));',
        'std::cerr << "fuel: " << core::tr("expected one command") << \'\\n\';',
        'options.addOption(Option("help", "h", core::tr("show this help and exit")).argument("FILE"));',
    ]
    ok = True
    for sample in bad:
        if not lint("bad", sample):
            ok = False
            print("self-test: not caught: " + sample)
    for sample in good:
        if lint("good", sample):
            ok = False
            print("self-test: wrongly caught: " + sample)
    return ok


if __name__ == "__main__":
    if sys.argv[1] == "--self-test":
        sys.exit(0 if self_test() else 1)
    root = sys.argv[1]
    problems = []
    for directory, _, names in sorted(os.walk(os.path.join(root, "pipeline"))):
        for name in sorted(names):
            if name.endswith((".cpp", ".hpp")):
                path = os.path.join(directory, name)
                problems += lint(os.path.relpath(path, root), open(path, encoding="utf-8").read())
    print("\n".join(problems))
    print("%d messages for people bypass core::tr" % len(problems))
    sys.exit(1 if problems else 0)
