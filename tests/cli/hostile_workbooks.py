#!/usr/bin/python3
"""Writes hostile workbooks into a folder, for tests/cli/hostile.sh and as
seeds of the workbook fuzz targets. Standard library only.

    hostile_workbooks.py FOLDER
"""
import os
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook_xml(ns=MAIN):
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{REL}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')


RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def cell(ref, value, t=None):
    if t == "inlineStr":
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    kind = f' t="{t}"' if t else ""
    return f'<c r="{ref}"{kind}><v>{value}</v></c>'


HEADER_ROW = ('<row r="1">' + cell("A1", "Mục", "inlineStr") + cell("B1", "Điểm tối đa", "inlineStr") +
              cell("C1", "Điểm thẩm định", "inlineStr") + '</row>')


def sheet_xml(rows, prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}"><sheetData>'
            f'{HEADER_ROW}{rows}</sheetData></worksheet>')


GOOD_ROW = '<row r="2">' + cell("A2", "1.1", "inlineStr") + cell("B2", "2") + cell("C2", "1.5") + '</row>'


def xlsx(path, sheet=None, workbook=None, extra=None, deflate=True):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", workbook or workbook_xml())
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet or sheet_xml(GOOD_ROW))
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)
    xlsx(p("good.xlsx"))
    with open(p("good.xlsx"), "rb") as f:
        good = f.read()
    with open(p("not-a-workbook.xlsx"), "w") as f:
        f.write("Mục,Điểm tối đa,Điểm thẩm định\n1.1,2,1.5\n")
    with open(p("truncated.xlsx"), "wb") as f:
        f.write(good[: len(good) // 2])
    # The worksheet's compressed bytes damaged: its CRC no longer matches.
    xlsx(p("corrupt.xlsx"), sheet=sheet_xml(GOOD_ROW * 50))
    with open(p("corrupt.xlsx"), "rb") as f:
        data = bytearray(f.read())
    at = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml") + 40
    for k in range(at, at + 16):
        data[k] ^= 0x55
    with open(p("corrupt.xlsx"), "wb") as f:
        f.write(bytes(data))
    # Excel's password protection: an OLE compound file holding EncryptedPackage.
    ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    ole += "EncryptedPackage".encode("utf-16le") + bytes(4096)
    with open(p("encrypted.xlsx"), "wb") as f:
        f.write(bytes(ole))
    # 64 MiB of spaces in a worksheet: a zip bomb's ratio.
    xlsx(p("bomb.xlsx"), sheet=sheet_xml(GOOD_ROW + " " * (64 << 20)))
    xlsx(p("dtd.xlsx"), sheet=sheet_xml(GOOD_ROW, '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
                                                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'))
    xlsx(p("rows.xlsx"), sheet=sheet_xml(GOOD_ROW + '<row r="1048577">' + cell("A1048577", "1") + '</row>'))
    xlsx(p("columns.xlsx"), sheet=sheet_xml('<row r="2">' + cell("CZZ2", "1") + '</row>'))
    xlsx(p("shared-string.xlsx"), sheet=sheet_xml('<row r="2">' + cell("A2", "99", "s") + '</row>'))
    xlsx(p("strict.xlsx"), workbook=workbook_xml(STRICT))
    with zipfile.ZipFile(p("binary.xlsb"), "w") as z:
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with zipfile.ZipFile(p("other.xlsx"), "w") as z:
        z.writestr("readme.txt", "not a workbook")
    # An .ods row with a value repeated two million times.
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body>'
               '<office:spreadsheet><table:table table:name="Sheet1"><table:table-row table:number-rows-repeated='
               '"2000000"><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
               '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(p("rows.ods"), "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    xlsx(p("bad-xml.xlsx"), sheet=sheet_xml(GOOD_ROW).replace("</sheetData>", "<row></sheetData>"))


if __name__ == "__main__":
    main()
