#!/usr/bin/env python3
"""Writes src/Qianglian.Web/Resources/Strings.resx (Chinese, the default) and Strings.en.resx from the tables
   {key: (zh, en)} in tools/strings/*.py (one file per module, each defining S) — the one place UI strings are
   edited. A key defined in two files is an error. Run: python3 tools/resx.py"""
import glob, os, runpy, sys
from xml.sax.saxutils import escape

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
S = {}
for table in sorted(glob.glob(os.path.join(root, "tools", "strings", "*.py"))):
    for key, value in runpy.run_path(table)["S"].items():
        if key in S:
            sys.exit(f"{os.path.basename(table)}: key {key} is defined twice")
        if not (isinstance(value, tuple) and len(value) == 2):
            sys.exit(f"{os.path.basename(table)}: {key} must be (zh, en)")
        S[key] = value
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for path, i in (("src/Qianglian.Web/Resources/Strings.resx", 0), ("src/Qianglian.Web/Resources/Strings.en.resx", 1)):
    with open(os.path.join(root, path), "w", encoding="utf-8") as f:
        f.write(head)
        for k in sorted(S):
            f.write(f'  <data name="{k}" xml:space="preserve"><value>{escape(S[k][i])}</value></data>\n')
        f.write("</root>\n")
print(f"{len(S)} strings")
