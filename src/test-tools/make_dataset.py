#!/usr/bin/python3
"""Synthetic, deterministic DICOM test dataset for the toolkit's tests and the loopback peers.

Origin: the project's shared peer kit (make_dataset.py), kept here so that a clone alone can
make its test data. ./harmony test installs what it needs (src/test-tools/apt-packages.txt).

Run with Debian's interpreter (python3-pydicom 2.3 + python3-numpy live there):
    /usr/bin/python3 ./make_dataset.py [OUTDIR]        (default ./dataset)

Needs: python3-pydicom, python3-numpy (apt), dcmtk (img2dcm), imagemagick (convert-im6.q16).
Nothing is downloaded. UIDs are derived deterministically (same UIDs on every run),
including the img2dcm JPEG instances (their SOPInstanceUID is forced via -k).

Content (3 patients, 4 studies, 10 series, 166 instances, ~76 MB):
  PAT001 DOE^JOHN (ASCII, no SpecificCharacterSet)
    A  CT chest   20240115  ACC1001
       1 CT axial 512x512 u16 (BitsStored 12, intercept -1024)  30 inst  Explicit VR LE
       2 CT lung kernel 512x512 u16                             20 inst  Implicit VR LE (+ private tags)
       3 SC "3D reformats" JPEG baseline RGB via img2dcm        10 inst  1.2.840.10008.1.2.4.50
    B  MR brain   20240320  ACC1002
       1 MR T1 256x256                                          24 inst  Explicit VR LE
       2 MR T2 256x256                                          24 inst  Implicit VR LE
  PAT002 YAMADA^TAROU=山田^太郎=やまだ^たろう  (ISO_IR 192)
    C  US abdomen 20230610  ACC2001
       1 US RGB 640x480 single frame                            10 inst  Explicit VR LE
       2 US multi-frame RGB 320x240 (24 and 12 frames)           2 inst  Explicit VR LE
  PAT003 Müller^Jürgen (ISO_IR 192, also non-ASCII StudyDescription / InstitutionName)
    D  CT abdomen 20250102  ACC3001
       1 CT axial 512x512 s16 (GE style, padding -2000)         30 inst  Explicit VR LE
       2 CT coronal 512x512 s16                                 15 inst  Implicit VR LE
       3 Multi-frame Grayscale Word SC 256x256x24 frames         1 inst  Explicit VR LE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./dataset")
CONVERT = "/usr/bin/convert-im6.q16"  # /usr/local/bin/convert on this box is not ImageMagick
IMG2DCM = "/usr/bin/img2dcm"

CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4"
US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1"
US_MF_IMAGE = "1.2.840.10008.5.1.4.1.1.3.1"
MF_GRAY_WORD_SC = "1.2.840.10008.5.1.4.1.1.7.3"

IMPL_CLASS_UID = "1.2.826.0.1.3680043.8.498.1"  # pydicom's root
IMPL_VERSION = "PEERS_SYNTH_1"

rng = np.random.default_rng(20240115)
manifest = []


def uid(*parts):
    return generate_uid(entropy_srcs=["proxy-peers-dataset"] + [str(p) for p in parts])


PATIENTS = {
    "P1": dict(PatientName="DOE^JOHN", PatientID="PAT001", PatientBirthDate="19650312",
               PatientSex="M", charset=None, institution="Loopback General Hospital"),
    "P2": dict(PatientName="Yamada^Tarou=山田^太郎=やまだ^たろう", PatientID="PAT002",
               PatientBirthDate="19720704", PatientSex="M", charset="ISO_IR 192",
               institution="Loopback General Hospital"),
    "P3": dict(PatientName="Müller^Jürgen", PatientID="PAT003", PatientBirthDate="19801130",
               PatientSex="M", charset="ISO_IR 192", institution="Klinikum Süd"),
}

STUDIES = {
    "A": dict(patient="P1", date="20240115", time="103012", acc="ACC1001", sid="1001",
              desc="CT CHEST W/O CONTRAST", ref="HOUSE^GREGORY^^DR", age="058Y", weight="82"),
    "B": dict(patient="P1", date="20240320", time="081545.123", acc="ACC1002", sid="1002",
              desc="MR BRAIN W/O CONTRAST", ref="HOUSE^GREGORY^^DR", age="059Y", weight="81"),
    "C": dict(patient="P2", date="20230610", time="140000", acc="ACC2001", sid="2001",
              desc="US ABDOMEN COMPLETE", ref="SUZUKI^HANAKO", age="050Y", weight="70"),
    "D": dict(patient="P3", date="20250102", time="235959", acc="ACC3001", sid="3001",
              desc="CT Abdomen/Becken portalvenös", ref="Schröder^Anna^^Dr. med.", age="044Y",
              weight="90.5"),
}


def base_dataset(study_key, series_no, series_desc, modality, sop_class, inst_no, series_time):
    st = STUDIES[study_key]
    pt = PATIENTS[st["patient"]]
    ds = Dataset()
    if pt["charset"]:
        ds.SpecificCharacterSet = pt["charset"]
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.InstanceCreationDate = st["date"]
    ds.InstanceCreationTime = series_time
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = uid(study_key, series_no, inst_no, "sop")
    ds.StudyDate = st["date"]
    ds.SeriesDate = st["date"]
    ds.AcquisitionDate = st["date"]
    ds.ContentDate = st["date"]
    ds.StudyTime = st["time"]
    ds.SeriesTime = series_time
    ds.AcquisitionTime = series_time
    ds.ContentTime = series_time
    ds.AccessionNumber = st["acc"]
    ds.Modality = modality
    ds.Manufacturer = "PEERS SYNTHETIC"
    ds.InstitutionName = pt["institution"]
    ds.ReferringPhysicianName = st["ref"]
    ds.StationName = "LOOPBACK1"
    ds.StudyDescription = st["desc"]
    ds.SeriesDescription = series_desc
    ds.ManufacturerModelName = "make_dataset.py"
    ds.PatientName = pt["PatientName"]
    ds.PatientID = pt["PatientID"]
    ds.IssuerOfPatientID = "LOOPBACK"
    ds.PatientBirthDate = pt["PatientBirthDate"]
    ds.PatientSex = pt["PatientSex"]
    ds.PatientAge = st["age"]
    ds.PatientWeight = st["weight"]
    ds.StudyInstanceUID = uid(study_key, "study")
    ds.SeriesInstanceUID = uid(study_key, series_no, "series")
    ds.StudyID = st["sid"]
    ds.SeriesNumber = series_no
    ds.InstanceNumber = inst_no
    ds.PatientOrientation = ""
    # a nested sequence, useful for DICOMweb JSON / metadata comparisons
    code = Dataset()
    code.CodeValue = {"CT": "24627-2", "MR": "24590-2", "US": "24558-9", "OT": "24627-2"}.get(modality, "24627-2")
    code.CodingSchemeDesignator = "LN"
    code.CodeMeaning = st["desc"]
    ds.ProcedureCodeSequence = Sequence([code])
    return ds


def save(ds, path, implicit=False):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
    meta.ImplementationClassUID = IMPL_CLASS_UID
    meta.ImplementationVersionName = IMPL_VERSION
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = implicit
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    record(path, ds, meta.TransferSyntaxUID)


def record(path, ds, ts):
    manifest.append(dict(
        path=os.path.relpath(path, OUT), PatientID=str(ds.PatientID), StudyInstanceUID=str(ds.StudyInstanceUID),
        SeriesInstanceUID=str(ds.SeriesInstanceUID), SOPInstanceUID=str(ds.SOPInstanceUID),
        SOPClassUID=str(ds.SOPClassUID), TransferSyntaxUID=str(ts), Modality=str(ds.Modality),
        NumberOfFrames=int(ds.get("NumberOfFrames", 1) or 1), bytes=os.path.getsize(path)))


# ---------------------------------------------------------------- pixel phantoms
def ct_slice_hu(z, region, n=512):
    """Rough anatomical phantom in Hounsfield units (float32)."""
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    c = n / 2
    hu = np.full((n, n), -1000.0, np.float32)
    body = ((x - c) / 200) ** 2 + ((y - c) / 145) ** 2 <= 1
    hu[body] = -90.0  # fat
    inner = ((x - c) / 185) ** 2 + ((y - c) / 130) ** 2 <= 1
    hu[inner] = 40.0  # soft tissue
    if region == "chest":
        s = 1.0 + 0.25 * np.sin(z / 40.0)
        for dx in (-85, 85):
            lung = ((x - c - dx) / (60 * s)) ** 2 + ((y - c + 10) / (95 * s)) ** 2 <= 1
            hu[lung] = -850.0
        heart = ((x - c + 25) / 55) ** 2 + ((y - c + 20) / 50) ** 2 <= 1
        hu[heart] = 45.0
    else:  # abdomen
        liver = ((x - c + 80) / 90) ** 2 + ((y - c + 20) / 70) ** 2 <= 1
        hu[liver] = 60.0 + 40.0 * np.cos(z / 50.0)
        for dx in (-70, 70):
            kid = ((x - c - dx) / 22) ** 2 + ((y - c - 45) / 35) ** 2 <= 1
            hu[kid] = 150.0
        bowel = ((x - c - 40) / 30) ** 2 + ((y - c + 40) / 25) ** 2 <= 1
        hu[bowel] = -600.0
    aorta = ((x - c - 15) ** 2 + (y - c - 35) ** 2) <= 12 ** 2
    hu[aorta] = 180.0
    spine = ((x - c) ** 2 + (y - c - 85) ** 2) <= 24 ** 2
    hu[spine] = 700.0
    canal = ((x - c) ** 2 + (y - c - 85) ** 2) <= 8 ** 2
    hu[canal] = 20.0
    table = (y > c + 170) & (y < c + 180) & (np.abs(x - c) < 220)
    hu[table] = 250.0
    hu += rng.normal(0, 12, hu.shape).astype(np.float32)
    return hu


def mr_slice(z, weighting, n=256):
    y, x = np.mgrid[0:n, 0:n].astype(np.float32)
    c = n / 2
    img = np.zeros((n, n), np.float32)
    s = max(0.2, 1.0 - ((z - 12) / 16.0) ** 2) ** 0.5
    head = ((x - c) / (95 * s)) ** 2 + ((y - c) / (115 * s)) ** 2 <= 1
    brain = ((x - c) / (85 * s)) ** 2 + ((y - c) / (105 * s)) ** 2 <= 1
    vent = (((x - c - 12) / 8) ** 2 + ((y - c + 5) / 25) ** 2 <= 1) | (((x - c + 12) / 8) ** 2 + ((y - c + 5) / 25) ** 2 <= 1)
    if weighting == "T1":
        img[head] = 900; img[brain] = 550; img[vent & brain] = 150
    else:
        img[head] = 300; img[brain] = 650; img[vent & brain] = 1800
    img += np.abs(rng.normal(0, 20, img.shape))
    return np.clip(img, 0, 4095).astype(np.uint16)


def us_frame(w, h, phase):
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    apex_x, apex_y = w / 2, 0.05 * h
    r = np.hypot(x - apex_x, y - apex_y)
    ang = np.arctan2(x - apex_x, y - apex_y)
    fan = (np.abs(ang) < 0.6) & (r < 0.92 * h) & (r > 0.05 * h)
    speck = rng.rayleigh(40, (h, w)).astype(np.float32)
    organ = ((x - w / 2 - 20 * np.sin(phase)) / (0.18 * w)) ** 2 + ((y - 0.55 * h) / (0.15 * h)) ** 2 <= 1
    g = np.where(organ, speck * 0.4, speck)
    g = np.where(fan, np.clip(g, 0, 255), 0)
    rgb = np.stack([g, g, g], -1)
    # a colour-Doppler blob and a yellow annotation bar
    dop = ((x - w / 2) / (0.05 * w)) ** 2 + ((y - 0.4 * h) / (0.08 * h)) ** 2 <= 1
    rgb[dop] = [220, 30 + 20 * np.cos(phase), 40]
    rgb[int(0.02 * h):int(0.05 * h), int(0.05 * w):int(0.30 * w)] = [230, 220, 40]
    return rgb.astype(np.uint8)


# ---------------------------------------------------------------- series writers
def write_ct_series(study_key, series_no, desc, n_inst, implicit, signed, region, kernel, t0):
    for i in range(1, n_inst + 1):
        z = -200.0 + 5.0 * (i - 1) if region == "chest" else -300.0 + 5.0 * (i - 1)
        ds = base_dataset(study_key, series_no, desc, "CT", CT_IMAGE, i, t0)
        hu = ct_slice_hu(z, region)
        ds.BodyPartExamined = "CHEST" if region == "chest" else "ABDOMEN"
        ds.ScanOptions = "HELICAL MODE"
        ds.SliceThickness = "5.0"
        ds.KVP = "120"
        ds.DataCollectionDiameter = "500.0"
        ds.ReconstructionDiameter = "500.0"
        ds.ExposureTime = "1000"
        ds.XRayTubeCurrent = "250"
        ds.ConvolutionKernel = kernel
        ds.PatientPosition = "FFS"
        ds.AcquisitionNumber = 1
        ds.ImagePositionPatient = ["-250.000000", "-250.000000", f"{z:.6f}"]
        ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        ds.FrameOfReferenceUID = uid(study_key, "for")
        ds.PositionReferenceIndicator = ""
        ds.SliceLocation = f"{z:.6f}"
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = 512
        ds.Columns = 512
        ds.PixelSpacing = ["0.9765625", "0.9765625"]
        ds.BitsAllocated = 16
        ds.RescaleIntercept = "-1024"
        ds.RescaleSlope = "1"
        ds.RescaleType = "HU"
        if region == "chest" and kernel.startswith("B70"):
            ds.WindowCenter = ["-600", "40"]; ds.WindowWidth = ["1500", "400"]
            ds.WindowCenterWidthExplanation = ["LUNG", "MEDIASTINUM"]
        elif region == "chest":
            ds.WindowCenter = "40"; ds.WindowWidth = "400"
        else:
            ds.WindowCenter = ["50", "300"]; ds.WindowWidth = ["350", "1500"]
            ds.WindowCenterWidthExplanation = ["ABDOMEN", "BONE"]
        if signed:  # GE-like: signed pixels, padding outside the FOV circle
            y, x = np.mgrid[0:512, 0:512]
            sv = np.clip(np.round(hu + 1024), -1024, 3071).astype(np.int16)
            sv[(x - 256) ** 2 + (y - 256) ** 2 > 256 ** 2] = -2000
            ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 1
            ds.PixelPaddingValue = -2000
            ds.SmallestImagePixelValue = int(sv.min()); ds.LargestImagePixelValue = int(sv.max())
            ds["SmallestImagePixelValue"].VR = "SS"; ds["LargestImagePixelValue"].VR = "SS"
            ds["PixelPaddingValue"].VR = "SS"
            ds.PixelData = sv.tobytes()
        else:  # Siemens-like: unsigned 12-bit stored
            sv = np.clip(np.round(hu + 1024), 0, 4095).astype(np.uint16)
            ds.BitsStored = 12; ds.HighBit = 11; ds.PixelRepresentation = 0
            ds.PixelData = sv.tobytes()
        ds["PixelData"].VR = "OW"
        if implicit:  # private block (becomes UN for implicit-VR readers without dictionary)
            ds.add_new(0x00090010, "LO", "PEERS SYNTHETIC 1.0")
            ds.add_new(0x00091001, "LO", f"private-{study_key}-{series_no}-{i}")
            ds.add_new(0x00091002, "US", i)
        save(ds, f"{OUT}/st{study_key}/se{series_no}/IM{i:04d}.dcm", implicit)


def write_ct_coronal(study_key, series_no, desc, n_inst, implicit, t0):
    zs = np.linspace(-300, 200, 64)
    vol = np.stack([ct_slice_hu(z, "abdomen") for z in zs])  # 64 x 512 x 512 axial slices
    for i in range(1, n_inst + 1):
        ds = base_dataset(study_key, series_no, desc, "CT", CT_IMAGE, i, t0)
        ds.ImageType = ["DERIVED", "SECONDARY", "REFORMATTED"]
        ypos = -100.0 + 14.0 * (i - 1)
        # synthesise a coronal image: stack rows from axial phantoms (cheap approximation)
        row = int(256 + ypos / 0.9765625)
        strips = vol[::-1, row, :]  # 64 x 512, head at the top
        img = np.repeat(strips, 8, axis=0)[:512]
        sv = np.clip(np.round(img + 1024), -1024, 3071).astype(np.int16)
        ds.BodyPartExamined = "ABDOMEN"
        ds.SliceThickness = "3.0"
        ds.KVP = "120"
        ds.ImagePositionPatient = ["-250.000000", f"{ypos:.6f}", "200.000000"]
        ds.ImageOrientationPatient = ["1", "0", "0", "0", "0", "-1"]
        ds.FrameOfReferenceUID = uid(study_key, "for")
        ds.PositionReferenceIndicator = ""
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = 512; ds.Columns = 512
        ds.PixelSpacing = ["0.9765625", "0.9765625"]
        ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 1
        ds.RescaleIntercept = "-1024"; ds.RescaleSlope = "1"; ds.RescaleType = "HU"
        ds.WindowCenter = "50"; ds.WindowWidth = "350"
        ds.PixelData = sv.tobytes(); ds["PixelData"].VR = "OW"
        save(ds, f"{OUT}/st{study_key}/se{series_no}/IM{i:04d}.dcm", implicit)


def write_mr_series(study_key, series_no, desc, weighting, n_inst, implicit, t0):
    for i in range(1, n_inst + 1):
        z = -60.0 + 5.0 * (i - 1)
        ds = base_dataset(study_key, series_no, desc, "MR", MR_IMAGE, i, t0)
        ds.BodyPartExamined = "HEAD"
        ds.ScanningSequence = "SE"
        ds.SequenceVariant = "SK" if weighting == "T1" else ["SK", "SP"]
        ds.ScanOptions = "" if weighting == "T1" else "FS"
        ds.MRAcquisitionType = "2D"
        ds.SliceThickness = "5.0"
        ds.RepetitionTime = "500" if weighting == "T1" else "4000"
        ds.EchoTime = "12" if weighting == "T1" else "100"
        ds.MagneticFieldStrength = "1.5"
        ds.EchoTrainLength = "1" if weighting == "T1" else "16"
        ds.PatientPosition = "HFS"
        ds.ImagePositionPatient = ["-120.000000", "-120.000000", f"{z:.6f}"]
        ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        ds.FrameOfReferenceUID = uid(study_key, "for")
        ds.PositionReferenceIndicator = ""
        ds.SliceLocation = f"{z:.6f}"
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = 256; ds.Columns = 256
        ds.PixelSpacing = ["0.9375", "0.9375"]
        ds.BitsAllocated = 16; ds.BitsStored = 12; ds.HighBit = 11; ds.PixelRepresentation = 0
        ds.WindowCenter = "600" if weighting == "T1" else "900"
        ds.WindowWidth = "1200" if weighting == "T1" else "1800"
        ds.PixelData = mr_slice(i - 1, weighting).tobytes(); ds["PixelData"].VR = "OW"
        save(ds, f"{OUT}/st{study_key}/se{series_no}/IM{i:04d}.dcm", implicit)


def us_common(ds, w, h):
    ds.BodyPartExamined = "ABDOMEN"
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    ds.Rows = h; ds.Columns = w
    ds.BitsAllocated = 8; ds.BitsStored = 8; ds.HighBit = 7; ds.PixelRepresentation = 0
    ds.LossyImageCompression = "00"
    reg = Dataset()
    reg.RegionSpatialFormat = 1; reg.RegionDataType = 1; reg.RegionFlags = 0
    reg.RegionLocationMinX0 = 0; reg.RegionLocationMinY0 = 0
    reg.RegionLocationMaxX1 = w - 1; reg.RegionLocationMaxY1 = h - 1
    reg.PhysicalUnitsXDirection = 3; reg.PhysicalUnitsYDirection = 3
    reg.PhysicalDeltaX = 0.03; reg.PhysicalDeltaY = 0.03
    ds.SequenceOfUltrasoundRegions = Sequence([reg])


def write_us_single(study_key, series_no, desc, n_inst, t0):
    w, h = 640, 480
    for i in range(1, n_inst + 1):
        ds = base_dataset(study_key, series_no, desc, "US", US_IMAGE, i, t0)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", "0001"]
        us_common(ds, w, h)
        ds.PixelData = us_frame(w, h, i * 0.3).tobytes(); ds["PixelData"].VR = "OB"
        save(ds, f"{OUT}/st{study_key}/se{series_no}/IM{i:04d}.dcm")


def write_us_multiframe(study_key, series_no, desc, frame_counts, t0):
    w, h = 320, 240
    for i, nf in enumerate(frame_counts, start=1):
        ds = base_dataset(study_key, series_no, desc, "US", US_MF_IMAGE, i, t0)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", "0011"]
        us_common(ds, w, h)
        ds.NumberOfFrames = nf
        ds.FrameTime = "33.3"
        ds.CineRate = 30
        ds.RecommendedDisplayFrameRate = 30
        ds.FrameIncrementPointer = 0x00181063  # FrameTime
        frames = np.stack([us_frame(w, h, f * 0.25) for f in range(nf)])
        ds.PixelData = frames.tobytes(); ds["PixelData"].VR = "OB"
        save(ds, f"{OUT}/st{study_key}/se{series_no}/IM{i:04d}.dcm")


def write_mf_gray_sc(study_key, series_no, desc, nframes, t0):
    ds = base_dataset(study_key, series_no, desc, "OT", MF_GRAY_WORD_SC, 1, t0)
    ds.Modality = "CT"
    ds.ImageType = ["DERIVED", "SECONDARY", "MPR"]
    ds.ConversionType = "WSD"
    ds.BurnedInAnnotation = "NO"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.NumberOfFrames = nframes
    ds.Rows = 256; ds.Columns = 256
    ds.BitsAllocated = 16; ds.BitsStored = 12; ds.HighBit = 11; ds.PixelRepresentation = 0
    ds.RescaleIntercept = "-1024"; ds.RescaleSlope = "1"; ds.RescaleType = "HU"
    ds.WindowCenter = "50"; ds.WindowWidth = "350"
    ds.FrameIncrementPointer = 0x00182005  # SliceLocationVector
    locs = [f"{-300 + 20.0 * k:.1f}" for k in range(nframes)]
    ds.SliceLocationVector = locs
    frames = []
    for k in range(nframes):
        hu = ct_slice_hu(-300 + 20.0 * k, "abdomen")[::2, ::2]
        frames.append(np.clip(np.round(hu + 1024), 0, 4095).astype(np.uint16))
    ds.PixelData = np.stack(frames).tobytes(); ds["PixelData"].VR = "OW"
    save(ds, f"{OUT}/st{study_key}/se{series_no}/IM0001.dcm")


def write_jpeg_series(study_key, series_no, desc, n_inst, t0):
    """JPEG baseline (1.2.840.10008.1.2.4.50) Secondary Capture via ImageMagick + img2dcm."""
    tmp = tempfile.mkdtemp(prefix="jpgsc")
    try:
        tmpl = base_dataset(study_key, series_no, desc, "OT", "1.2.840.10008.5.1.4.1.1.7", 0, t0)
        tmpl_path = os.path.join(tmp, "template.dcm")
        tmpl.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
        save_tmp = manifest[:]  # template is not part of the dataset
        save(tmpl, tmpl_path)
        manifest[:] = save_tmp
        n = 512
        y, x = np.mgrid[0:n, 0:n].astype(np.float32)
        for i in range(1, n_inst + 1):
            a = i * 0.35
            r = 128 + 110 * np.sin(x / 40.0 + a)
            g = 128 + 110 * np.sin(y / 55.0 - a)
            b = 128 + 110 * np.cos((x + y) / 70.0 + a)
            ball = ((x - 256 - 80 * np.cos(a)) ** 2 + (y - 256 - 80 * np.sin(a)) ** 2) < 90 ** 2
            rgb = np.stack([r, g, b], -1)
            rgb[ball] = [240, 240, 230]
            rgb = np.clip(rgb, 0, 255).astype(np.uint8)
            ppm = os.path.join(tmp, f"{i}.ppm")
            with open(ppm, "wb") as fh:
                fh.write(b"P6\n%d %d\n255\n" % (n, n) + rgb.tobytes())
            jpg = os.path.join(tmp, f"{i}.jpg")
            subprocess.run([CONVERT, ppm, "-quality", "90", "-interlace", "none",
                            "-sampling-factor", "2x2", jpg], check=True)
            out = f"{OUT}/st{study_key}/se{series_no}/IM{i:04d}.dcm"
            os.makedirs(os.path.dirname(out), exist_ok=True)
            subprocess.run([IMG2DCM, "-q", "-dp", "-sef", tmpl_path,
                            "-k", f"InstanceNumber={i}",
                            "-k", f"SOPInstanceUID={uid(study_key, series_no, i, 'sop')}",
                            "-k", f"SeriesDescription={desc}",
                            "-k", "Modality=OT",
                            "-k", f"ContentDate={STUDIES[study_key]['date']}",
                            "-k", f"ContentTime={t0}",
                            "-k", "ConversionType=WSD",
                            "-k", f"StudyDescription={STUDIES[study_key]['desc']}",
                            "-k", f"InstitutionName={PATIENTS[STUDIES[study_key]['patient']]['institution']}",
                            "-k", f"SeriesDate={STUDIES[study_key]['date']}",
                            "-k", f"SeriesTime={t0}",
                            "-k", "BurnedInAnnotation=NO",
                            jpg, out], check=True)
            ds = pydicom.dcmread(out, stop_before_pixels=True)
            record(out, ds, ds.file_meta.TransferSyntaxUID)
    finally:
        shutil.rmtree(tmp)


def main():
    if os.path.exists(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    write_ct_series("A", 1, "Thorax 5.0 B31f", 30, implicit=False, signed=False, region="chest", kernel="B31f", t0="103512")
    write_ct_series("A", 2, "Lung 5.0 B70f", 20, implicit=True, signed=False, region="chest", kernel="B70f", t0="103514")
    write_jpeg_series("A", 3, "3D Reformats (JPEG)", 10, t0="104500")
    write_mr_series("B", 1, "T1 SE AX", "T1", 24, implicit=False, t0="082000")
    write_mr_series("B", 2, "T2 FSE AX FS", "T2", 24, implicit=True, t0="083000")
    write_us_single("C", 1, "Abdomen B-mode", 10, t0="140500")
    write_us_multiframe("C", 2, "Liver cine loops", [24, 12], t0="141000")
    write_ct_series("D", 1, "Abdomen portalvenös 5.0", 30, implicit=False, signed=True, region="abdomen", kernel="STANDARD", t0="235959")
    write_ct_coronal("D", 2, "Coronal MPR 3.0", 15, implicit=True, t0="235959")
    write_mf_gray_sc("D", 3, "MPR multi-frame", 24, t0="235959")
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, ensure_ascii=False)
    total = sum(m["bytes"] for m in manifest)
    studies = sorted({m["StudyInstanceUID"] for m in manifest})
    series = sorted({m["SeriesInstanceUID"] for m in manifest})
    print(f"wrote {len(manifest)} instances, {len(series)} series, {len(studies)} studies, "
          f"{total} bytes ({total / 1e6:.1f} MB) under {OUT}")


if __name__ == "__main__":
    main()
