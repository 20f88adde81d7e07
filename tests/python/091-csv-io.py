import csv
import io

text = 'a,b,c\n1,"two, too","say ""hi"""\n\n4,,\n"multi\nline",x\n5,6,7,8\n'
print(list(csv.reader(io.StringIO(text))))
print(list(csv.reader(["x;y", "1;2"], delimiter=";")))
rdr = csv.DictReader(io.StringIO(text))
print(rdr.fieldnames)
for row in rdr:
    print(row)
rows = csv.DictReader(["p,q", "1"], restval="?")
print(list(rows))
out = io.StringIO()
w = csv.writer(out)
w.writerow(["plain", "with,comma", 'quote"d', "new\nline", 3, 2.5, None, ""])
w.writerows([[1, 2], ["a"]])
w.writerow([""])
print(repr(out.getvalue()))
buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=["name", "score"])
dw.writeheader()
dw.writerow({"name": "ann", "score": 9})
dw.writerow({"name": "bo"})
print(repr(buf.getvalue()))
try:
    dw.writerow({"name": "x", "extra": 1})
except ValueError as e:
    print("ValueError:", e)
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(), repr(s.read()))
s.seek(0)
print(s.readlines(), [l for l in io.StringIO("a\nb\n")])
with io.StringIO() as f:
    print(f.write("héllo"), f.getvalue())
