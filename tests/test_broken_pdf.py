"""Broken PDFs dropped into ``seeds/``: one line naming the file and what is wrong, nothing
else of the build lost, memory bounded.

Every PDF here is made at test time, small and deterministic, by the writer below: a few
objects with a Helvetica (Type 1, WinAnsi) font, a content stream per page and a correct
cross-reference table. From one valid text PDF come the broken ones:

- damaged (random bytes after a ``%PDF-`` header), truncated (cut at half its length),
  encrypted (standard security handler, RC4 40-bit, user password "x", written here: no tool
  of the project writes encrypted PDFs), zero pages, no text layer (pages that only draw an
  image: a scan without OCR), not what its extension says (a PNG, a text file, an empty file
  named ``.pdf``);
- partly readable: cut at half but with a trailer before its page contents (as a linearized
  PDF has), or with bytes overwritten in the middle. PDFium repairs both and opens them, and
  some pages come back without their text;
- a PDF named ``.txt`` or ``.md`` is a text source that is not UTF-8: an error in every build.

A normal build leaves a broken PDF out with exactly one warning (exit 0, every other file of
the site as without it); ``--strict`` makes it an error (exit 1, one line, no traceback, the
previous output byte-identical). What is readable is read: a scan with an OCR text layer, a
PDF encrypted with an owner password only. A 1,000-page PDF builds, with its 3,000
paragraphs, and the build's peak memory is bounded (a bound on resources, not a timing).

A PDF that PDFium repairs to open (a broken cross-reference table, pages whose content is lost)
is kept, with one warning saying what was damaged (an error under --strict).
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import random
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import ROOT, SEEDS

#: The two real seeds, which every build below must still build, unchanged.
SEED_IDS = ("a-67-131", "cd-2012-kazakhstan-otsc")
#: The files of the site that list the build's warnings (and so differ when there is one).
REPORTING = {"a-propos/index.html", "data/report.json.xz"}
#: The sidecar of the generated text PDFs: everything a masthead would say, so that the only
#: warnings of a build are about the file's state, not its metadata.
SIDECAR = 'symbol: A/67/999\ntitle: Document d\'essai\ndate: "2012"\nbody: Assemblée générale\nlanguage: fr\n'
#: Peak resident memory allowed to the build of the seeds and a 1,000-page PDF: generous (the
#: build of the seeds alone peaks near 40 MiB, with the 1,000 pages near 80 MiB).
MEMORY_BOUND_KB = 512 * 1024


# --- writing PDFs ----------------------------------------------------------------------------

def write_pdf(objects: dict[int, bytes], trailer: bytes = b"", trailer_before: int | None = None) -> bytes:
    """A PDF of ``objects`` (number → body) with a correct cross-reference table.

    ``trailer`` adds entries to the trailer; ``trailer_before``: also write a trailer up front,
    just before that object (linearized PDFs have one near their start, which lets PDFium
    open such a file even when its end is missing)."""
    size = max(objects, default=0) + 1
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")  # the binary comment of a real PDF
    offsets = {}
    for number in sorted(objects):
        if number == trailer_before:
            out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % size)
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    # Numbers not in use are free entries (the page objects start at 10).
    out.write(b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, size)))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref))
    return out.getvalue()


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), entries, data)


def text_content(lines: list[str]) -> bytes:
    escaped = (line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines)
    shown = "\n".join(f"({line}) Tj T*" for line in escaped)
    return f"BT\n/F1 11 Tf\n14 TL\n72 700 Td\n{shown}\nET".encode("cp1252")


def pages_pdf(contents: list[bytes], resources: bytes, extra: dict[int, bytes] | None = None,
              trailer_up_front: bool = False) -> bytes:
    """A PDF of A4 pages, one content stream each: catalog 1, page tree 2, page objects from
    10, then their content streams, then ``extra`` objects (numbered below 10)."""
    count = len(contents)
    pages = range(10, 10 + count)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % p for p in pages), count),
        **(extra or {}),
    }
    for page, content in zip(pages, contents):
        objects[page] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>" % (resources, page + count)
        objects[page + count] = stream(content)
    return write_pdf(objects, trailer_before=10 + count if trailer_up_front and count else None)


HELVETICA = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}


def text_pdf(pages: list[list[str]], trailer_up_front: bool = False) -> bytes:
    """A valid PDF with a text layer: each page's lines, top-left, in 11-point Helvetica."""
    return pages_pdf([text_content(lines) for lines in pages], b"<< /Font << /F1 3 0 R >> >>", HELVETICA, trailer_up_front)


def numbered_pages(count: int, per_page: int = 1, lines: int = 2) -> list[list[str]]:
    """``count`` pages of ``per_page`` numbered paragraphs of ``lines`` lines, no two alike,
    a blank line after each."""
    pages = []
    for page in range(1, count + 1):
        text = []
        for n in range((page - 1) * per_page + 1, page * per_page + 1):
            text.append(f"{n}. Le paragraphe {n} rappelle l'engagement des États en faveur du désarmement")
            text += [f"nucléaire et de la non-prolifération, ligne {k} du paragraphe {n}, page {page} du document." for k in range(2, lines + 1)]
            text.append("")
        pages.append(text)
    return pages


def valid_pdf() -> bytes:
    """The real, valid PDF the broken ones are made from: ten pages of text."""
    return text_pdf(numbered_pages(10))


def damaged() -> bytes:
    rng = random.Random(20120713)
    return b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4096))


def truncated() -> bytes:
    data = valid_pdf()
    return data[: len(data) // 2]


def truncated_trailer_up_front() -> bytes:
    data = text_pdf(numbered_pages(10), trailer_up_front=True)
    return data[: len(data) // 2]


def damaged_in_the_middle() -> bytes:
    data = valid_pdf()
    middle, rng = len(data) // 2, random.Random(3)
    return data[:middle] + bytes(rng.randrange(256) for _ in range(200)) + data[middle + 200:]


# The standard security handler, revision 2 (RC4, 40-bit key): PDF 1.7 (ISO 32000-1), 7.6.3.
_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted(user: bytes = b"x", owner: bytes = b"owner") -> bytes:
    """One page of text encrypted with the user password ``user`` (b"": anyone may open it)."""
    padded = lambda password: (password + _PADDING)[:32]  # noqa: E731
    permissions, file_id = -44, hashlib.md5(b"undocs").digest()
    o = rc4(hashlib.md5(padded(owner)).digest()[:5], padded(user))  # algorithm 3
    key = hashlib.md5(padded(user) + o + struct.pack("<i", permissions) + file_id).digest()[:5]  # algorithm 2
    u = rc4(key, _PADDING)  # algorithm 4
    content = text_content(numbered_pages(1)[0])
    object_key = hashlib.md5(key + struct.pack("<i", 11)[:3] + b"\x00\x00").digest()[:10]  # algorithm 1, object 11
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
        **HELVETICA,
        4: b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P %d >>" % (o.hex().encode(), u.hex().encode(), permissions),
        10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 11 0 R >>",
        11: stream(rc4(object_key, content)),
    }
    ident = file_id.hex().encode()
    return write_pdf(objects, trailer=b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (ident, ident))


def zero_pages() -> bytes:
    return pages_pdf([], b"<< >>")


IMAGE = stream(bytes(range(0, 256, 4)), b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 ")
DRAW_IMAGE = b"q 451 0 0 698 72 72 cm /Im1 Do Q\n"


def scan() -> bytes:
    """Two pages that each draw a grey 8×8 image over the page, and no text."""
    return pages_pdf([DRAW_IMAGE, DRAW_IMAGE], b"<< /XObject << /Im1 4 0 R >> >>", {4: IMAGE})


def ocr_scan() -> bytes:
    """The same scan after OCR: under each image, its text, invisible (render mode 3)."""
    contents = [DRAW_IMAGE + text_content(lines).replace(b"BT\n", b"BT\n3 Tr\n", 1) for lines in numbered_pages(2)]
    return pages_pdf(contents, b"<< /XObject << /Im1 4 0 R >> /Font << /F1 3 0 R >> >>", {**HELVETICA, 4: IMAGE})


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * 8 for _ in range(8)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def plain_text() -> bytes:
    return "Notes de séance : ceci n'est pas un PDF.\n".encode()


# --- the cases -------------------------------------------------------------------------------

#: Refused whole: case → (file name, its bytes, what the line must say).
REFUSED = {
    "damaged": ("damaged.pdf", damaged, r"damaged"),
    "truncated": ("truncated.pdf", truncated, r"damaged or truncated"),
    "encrypted": ("encrypted.pdf", encrypted, r"encrypted"),
    "zero pages": ("zero-pages.pdf", zero_pages, r"no pages"),
    "no text layer": ("scan.pdf", scan, r"no text layer"),
    "png named .pdf": ("picture.pdf", png, r"not a PDF"),
    "text named .pdf": ("notes.pdf", plain_text, r"not a PDF"),
    "empty file named .pdf": ("nothing.pdf", bytes, r"not a PDF|empty"),
}
#: Opened by PDFium after repair, with pages whose text is gone: case → (file name, bytes, reason).
PARTLY_READABLE = {
    "truncated, trailer up front": ("truncated-linearized.pdf", truncated_trailer_up_front, r"cross-reference table is damaged"),
    "damaged in the middle": ("damaged-middle.pdf", damaged_in_the_middle, r"damaged page\(s\) 4, 5"),
}
BROKEN = {**REFUSED, **PARTLY_READABLE}


def cases(table: dict) -> list:
    return [pytest.param(case, id=case) for case in sorted(table)]


# --- building --------------------------------------------------------------------------------

def run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def seeds_with(folder: Path, name: str, data: bytes, sidecar: str | None = None) -> Path:
    seeds = folder / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / name).write_bytes(data)
    if sidecar is not None:
        (seeds / name.split(".")[0]).with_suffix(".yaml").write_text(sidecar, encoding="utf-8")
    return seeds


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A good build of the real seeds: every file of it, by path."""
    out = tmp_path_factory.mktemp("previous") / "site"
    result = run("--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, files_of(out)


@pytest.fixture(scope="module")
def valid_bytes():
    return valid_pdf()


@dataclass(frozen=True)
class Outcome:
    """A build of the seeds plus one broken file: its result, and its output folder's files
    before (a copy of the previous build, for --strict) and after."""

    result: subprocess.CompletedProcess
    before: dict[str, bytes]
    after: dict[str, bytes]
    name: str  # the broken file's name
    seeds: Path

    @property
    def lines(self) -> list[str]:
        return self.result.stderr.strip().splitlines()


@pytest.fixture(scope="module")
def outcome(tmp_path_factory, previous):
    """``outcome(case, strict)``: the seeds with that case's file added, built once."""
    done: dict[tuple[str, bool], Outcome] = {}

    def build(case: str, strict: bool) -> Outcome:
        if (case, strict) not in done:
            name, make, _ = BROKEN[case]
            folder = tmp_path_factory.mktemp("strict" if strict else "normal")
            # The partly readable PDFs have their metadata in a sidecar: the only thing to
            # warn about is then their state, not a masthead they lack.
            seeds = seeds_with(folder, name, make(), SIDECAR if case in PARTLY_READABLE else None)
            out = folder / "site"
            if strict:
                shutil.copytree(previous[0], out)
            before = files_of(out) if out.exists() else {}
            result = run("--seeds", str(seeds), "--out", str(out), *(["--strict"] if strict else []))
            after = files_of(out) if out.exists() else {}
            done[case, strict] = Outcome(result, before, after, name, seeds)
        return done[case, strict]

    return build


# --- the tests -------------------------------------------------------------------------------

def test_the_valid_pdf_builds_under_strict(tmp_path, valid_bytes):
    """The control: the PDF the broken ones are cut from builds, every word on its page."""
    seeds = seeds_with(tmp_path, "valid.pdf", valid_bytes, SIDECAR)
    result = run("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert re.match(r"Built 3 documents, \d+ statements, 104 paragraphs", result.stdout), result.stdout
    page = (tmp_path / "site" / "documents" / "a-67-999" / "index.html").read_text(encoding="utf-8")
    assert "page 10 du document" in page


def page_texts(data: bytes, password: str | None = None) -> list[str]:
    """The text PDFium reads on each page (every handle held, then closed, in order)."""
    document = pdfium.PdfDocument(data, password=password)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def test_the_test_pdfs_are_what_they_claim():
    """PDFium reads the text PDFs' words and nothing on the scan; the encrypted one needs "x";
    the partly readable ones open with all their pages, some without text."""
    texts = page_texts(valid_pdf())
    assert len(texts) == 10 and "page 10 du document" in texts[9]
    assert len(page_texts(text_pdf(numbered_pages(10), trailer_up_front=True))) == 10
    assert page_texts(scan()) == ["", ""]
    assert all("désarmement" in text for text in page_texts(ocr_scan()))
    with pytest.raises(pdfium.PdfiumError, match="password"):
        pdfium.PdfDocument(encrypted())
    assert "désarmement" in page_texts(encrypted(), password="x")[0]
    for data in (truncated_trailer_up_front(), damaged_in_the_middle()):
        texts = page_texts(data)
        assert len(texts) == 10 and "" in texts and "page 1 du document" in texts[0]
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(truncated())
    assert b"/Count 0" in zero_pages() and b"%PDF-" not in png() + plain_text()


@pytest.mark.parametrize("case", cases(REFUSED))
def test_normal_build_leaves_it_out_with_one_warning(case, outcome, previous):
    built = outcome(case, strict=False)
    assert "Traceback" not in built.result.stderr, built.result.stderr
    assert built.result.returncode == 0, built.result.stderr
    assert len(built.lines) == 1, built.result.stderr
    assert built.lines[0].startswith("warning: ") and built.name in built.lines[0]
    assert built.lines[0].endswith("(left out of the archive)"), built.lines[0]
    assert re.match(r"Built 2 documents, ", built.result.stdout), built.result.stdout
    # Nothing else lost: the site is the one built without the file, but for the warning.
    good = previous[1]
    assert set(built.after) == set(good)
    assert {path for path in good if built.after[path] != good[path]} <= REPORTING
    for seed in SEED_IDS:
        assert built.after[f"documents/{seed}/index.html"] == good[f"documents/{seed}/index.html"]
    report = json.loads(lzma.decompress(built.after["data/report.json.xz"]))
    assert [w for w in report["warnings"] if built.name in w] == [built.lines[0].removeprefix("warning: ")]


@pytest.mark.parametrize("case", cases(PARTLY_READABLE))
def test_normal_build_warns_once_of_a_partly_readable_pdf(case, outcome, previous):
    built = outcome(case, strict=False)
    assert "Traceback" not in built.result.stderr, built.result.stderr
    assert built.result.returncode == 0, built.result.stderr
    assert len(built.lines) == 1 and built.lines[0].startswith("warning: ") and built.name in built.lines[0], built.result.stderr
    for seed in SEED_IDS:
        assert built.after[f"documents/{seed}/index.html"] == previous[1][f"documents/{seed}/index.html"]


@pytest.mark.parametrize("case", cases(BROKEN))
def test_strict_build_is_one_error_and_keeps_the_previous_output(case, outcome):
    built = outcome(case, strict=True)
    assert "Traceback" not in built.result.stderr, built.result.stderr
    assert built.result.returncode == 1, built.result.stderr
    assert len(built.lines) == 1, built.result.stderr
    assert built.lines[0].startswith("error: ") and built.name in built.lines[0], built.lines[0]
    assert built.result.stdout == ""
    assert built.after == built.before


@pytest.mark.parametrize("strict", [False, True], ids=["normal", "strict"])
@pytest.mark.parametrize("case", cases(BROKEN))
def test_the_line_says_what_is_wrong(case, strict, outcome):
    built = outcome(case, strict)
    _, _, reason = BROKEN[case]
    assert built.lines, built.result.stdout
    assert re.search(reason, built.lines[0].split(built.name, 1)[-1]), built.lines[0]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("strict", [False, True], ids=["normal", "strict"])
def test_a_pdf_named_as_text_is_a_text_source_that_is_not_utf8(suffix, strict, tmp_path, previous, valid_bytes):
    """With a sidecar it is read as text, which it is not: an error in every build (only
    PDFs are left out with a warning), naming the file and line, previous output kept."""
    name = f"rapport.fr{suffix}"
    seeds = seeds_with(tmp_path, name, valid_bytes)
    fmt = "plaintext" if suffix == ".txt" else "markdown"
    (seeds / "rapport.fr.yaml").write_text(
        SIDECAR.replace("A/67/999", "A/67/998") + f"original_languages: [français]\nformat: {fmt}\n", encoding="utf-8")
    out = tmp_path / "site"
    shutil.copytree(previous[0], out)
    result = run("--seeds", str(seeds), "--out", str(out), *(["--strict"] if strict else []))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.match(rf"error: .*{re.escape(name)}:2: not valid UTF-8", lines[0]), lines[0]
    assert files_of(out) == previous[1]


def test_a_pdf_named_as_text_without_sidecar_is_one_error(tmp_path, previous, valid_bytes):
    seeds = seeds_with(tmp_path, "rapport.fr.txt", valid_bytes)
    out = tmp_path / "site"
    shutil.copytree(previous[0], out)
    result = run("--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 1
    assert re.fullmatch(r"error: .*rapport\.fr\.txt: no metadata sidecar for this document \(expected rapport\.fr\.yaml\)", result.stderr.strip())
    assert files_of(out) == previous[1]


def test_an_encrypted_pdf_anyone_may_open_builds(tmp_path):
    """Encrypted with an owner password only (empty user password): readable, so read."""
    seeds = seeds_with(tmp_path, "owner-only.pdf", encrypted(user=b""), SIDECAR)
    result = run("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--strict")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "documents" / "a-67-999" / "index.html").read_text(encoding="utf-8")
    assert "engagement des États en faveur du désarmement" in page


def test_a_scan_with_an_ocr_text_layer_builds(tmp_path):
    """The contrast to "no text layer": invisible text under the images is a text layer."""
    seeds = seeds_with(tmp_path, "ocr.pdf", ocr_scan(), SIDECAR)
    result = run("--seeds", str(seeds), "--out", str(tmp_path / "site"), "--strict")
    assert result.returncode == 0, result.stderr
    assert re.match(r"Built 3 documents, \d+ statements, 96 paragraphs", result.stdout), result.stdout


def test_the_published_warning_names_the_file_not_the_local_folder(outcome):
    """The published report names a broken PDF by its file name, as it names text sources:
    the site must not show the builder's folders, nor change with them."""
    built = outcome("damaged", strict=False)
    report = json.loads(lzma.decompress(built.after["data/report.json.xz"]))
    assert "damaged.pdf: damaged or truncated PDF" in " ".join(report["warnings"])
    for published in REPORTING:
        data = built.after[published]
        text = (lzma.decompress(data) if published.endswith(".xz") else data).decode("utf-8")
        assert str(built.seeds) not in text, published


# --- a 1,000-page PDF ------------------------------------------------------------------------

#: Runs the build as a child and prints its result and the peak resident memory (KiB) of the
#: largest process it waited for (the build, or the search index's worker).
MEASURE = """
import json, resource, subprocess, sys
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"status": result.returncode, "stdout": result.stdout, "stderr": result.stderr, "peak_kib": peak}))
"""


def measured_build(*args: str) -> dict:
    command = [sys.executable, "-c", MEASURE, sys.executable, str(ROOT / "build.py"), *args]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=True)
    return json.loads(result.stdout)


def test_a_1000_page_pdf_builds_with_its_paragraphs_in_bounded_memory(tmp_path):
    data = text_pdf(numbered_pages(1000, per_page=3, lines=4))  # 3,000 paragraphs, 1.3 MB
    assert len(pdfium.PdfDocument(data)) == 1000
    seeds = seeds_with(tmp_path, "mille-pages.pdf", data, SIDECAR)
    out = tmp_path / "site"
    built = measured_build("--seeds", str(seeds), "--out", str(out), "--strict")
    # --strict: the build's own check found every word of the 1,000 pages on the page.
    assert built["status"] == 0, built["stderr"]
    assert built["stderr"] == ""
    assert re.match(r"Built 3 documents, \d+ statements, 3094 paragraphs", built["stdout"]), built["stdout"]
    page = (out / "documents" / "a-67-999" / "index.html").read_text(encoding="utf-8")
    assert "ligne 4 du paragraphe 3000, page 1000 du document." in page
    assert built["peak_kib"] < MEMORY_BOUND_KB, f"peak memory {built['peak_kib'] / 1024:.0f} MiB"
