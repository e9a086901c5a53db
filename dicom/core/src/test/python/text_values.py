#!/usr/bin/python3
"""Prints the decoded text values of a DICOM file as pydicom reads them, for the character set
oracle test: {"00100010": ["Yamada^Tarou=山田^太郎"], "00081111[0].00100010": [...]}.

Run with Debian's interpreter (python3-pydicom): /usr/bin/python3 text_values.py FILE
"""
import json
import sys

import pydicom

TEXT = {"PN", "LO", "SH", "ST", "LT", "UT", "UC"}


def walk(dataset, prefix, out):
    for element in dataset:
        key = prefix + "%08X" % element.tag
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                walk(item, "%s[%d]." % (key, index), out)
        elif element.VR in TEXT and element.value not in (None, ""):
            values = element.value if element.VM > 1 else [element.value]
            out[key] = [str(value) for value in values]


result = {}
walk(pydicom.dcmread(sys.argv[1]), "", result)
print(json.dumps(result, ensure_ascii=False))
