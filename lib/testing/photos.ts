/** The one home of the tests' photo rows: the file fields of a photo with no picture behind it. */

/** Keys and checksum made from `key`, a `size`-pixel square of one byte. */
export function testPhotoFile(key: string, size = 1) {
  return { storageKey: `${key}.jpg`, thumbKey: `${key}-t.jpg`, mime: "image/jpeg", width: size, height: size, bytes: 1, sha256: key };
}
