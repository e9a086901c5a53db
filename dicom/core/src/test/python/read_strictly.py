#!/usr/bin/python3
"""Reads each DICOM file given as pydicom does, with every warning an error and every value
decoded, and prints one line per file: "ok PATH" or "error PATH: REASON".

Run with Debian's interpreter (python3-pydicom): /usr/bin/python3 read_strictly.py FILE...
"""
import sys
import warnings

import pydicom
from pydicom import config

warnings.simplefilter("error")
if hasattr(config, "settings"):
    config.settings.reading_validation_mode = config.RAISE

for path in sys.argv[1:]:
    try:
        dataset = pydicom.dcmread(path)
        for element in dataset.iterall():
            str(element.value)
        str(dataset.file_meta)
        print("ok %s" % path)
    except Exception as error:  # every kind of failure is reported, not raised
        print("error %s: %s: %s" % (path, type(error).__name__, error))
