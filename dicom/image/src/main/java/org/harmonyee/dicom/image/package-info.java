/**
 * Rendering a frame of a DICOM image for display, as PS3.18 rendered resources and thumbnails ask
 * (PS3.18 8.3.5.1, PS3.4 N.2): {@link org.harmonyee.dicom.image.ImagePixels} (the Image Pixel
 * module and the frame's samples, native little endian or decoded from JPEG by ImageIO with
 * TwelveMonkeys' reader), {@link org.harmonyee.dicom.image.FrameRenderer} (the Modality LUT
 * (rescale), the VOI LUT (a window from the request or the data set, functions LINEAR,
 * LINEAR_EXACT and SIGMOID), MONOCHROME1 inverted, RGB as is; a viewport) and
 * {@link org.harmonyee.dicom.image.RenderedImages} (JPEG or PNG bytes).
 *
 * <p>Must not touch: any Jakarta or gateway API, the network; it reads one PS3.10 file that its
 * caller has put on disk and writes an image to an OutputStream. What it cannot render (a transfer
 * syntax without a decoder here, an unsupported pixel layout) is an
 * {@link org.harmonyee.dicom.image.UnrenderableImageException} for the caller to answer.
 */
package org.harmonyee.dicom.image;
