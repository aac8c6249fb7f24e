#!/usr/bin/env python3
"""Writes src/Qianglian.Web/Resources/Strings.resx (Chinese, the default) and Strings.en.resx from the table
   {key: (zh, en)} in tools/strings.py — the one place UI strings are edited. Run: python3 tools/resx.py"""
import runpy, sys
from xml.sax.saxutils import escape
import os
S = runpy.run_path(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "strings.py"))["S"]
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for path, i in (("src/Qianglian.Web/Resources/Strings.resx", 0), ("src/Qianglian.Web/Resources/Strings.en.resx", 1)):
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        for k in sorted(S):
            f.write(f'  <data name="{k}" xml:space="preserve"><value>{escape(S[k][i])}</value></data>\n')
        f.write("</root>\n")
