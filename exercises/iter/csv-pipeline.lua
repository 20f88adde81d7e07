-- Exercises for iter.csv-pipeline: DictReader stages, type conversion,
-- pass-through aggregates.
return {
  {
    id = "iter.csv-pipeline.summary-timing",
    topic = "iter.csv-pipeline",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print? Mind when the summary line appears, in both runs.",
    code = [[
import csv
import io

TEXT = "item,qty\npen,3\ncup,2\nmap,5\n"


def rows():
    yield from csv.DictReader(io.StringIO(TEXT))


def counted(records):
    total = 0
    for r in records:
        total += int(r["qty"])
        yield r
    print("total", total)


for r in counted(rows()):
    print(r["item"])
print("--")
for r in counted(rows()):
    print(r["item"])
    if r["item"] == "cup":
        break
print("end")]],
    expected = "pen\ncup\nmap\ntotal 10\n--\npen\ncup\nend",
    hints = {
      "The print in counted() comes after its loop. When does its loop finish?",
      "Only when the consumer asks for an item after the last one.",
      "After break, the generator is never resumed, so its summary never runs.",
    },
    why = "Side-effect aggregates in a pass-through stage fire only when the stream is read to the end.",
    wrong = {
      "total 10\npen\ncup\nmap\n--\npen\ncup\nend",
      "pen\ncup\nmap\ntotal 10\n--\npen\ncup\ntotal 5\nend",
      "pen\ncup\nmap\ntotal 10\n--\npen\ncup\nend\ntotal 5",
    },
  },
  {
    id = "iter.csv-pipeline.strings",
    topic = "iter.csv-pipeline",
    level = "beginner",
    kind = "bug",
    prompt = "This should print the names of people earning more than 70000, but it raises `TypeError: '>' not supported between instances of 'str' and 'int'`. Which line is the bug?",
    code = [[
import csv
import io

TEXT = "name,salary\nAna,98000\nBo,61000\n"

rows = csv.DictReader(io.StringIO(TEXT))
high = (r["name"] for r in rows if r["salary"] > 70000)
print(list(high))]],
    buggy = 7,
    hints = {
      "What type are the values csv.DictReader gives you?",
      "Every field is a string; convert before comparing.",
      "int(r[\"salary\"]) > 70000",
    },
    solution = "Line 7: DictReader gives every value as a string, so r[\"salary\"] > 70000 compares str with int. Convert first: int(r[\"salary\"]) > 70000, ideally in a conversion stage right after reading.",
    why = "Converting types at the edge of the pipeline is the first rule of CSV processing.",
    wrong = { "6", "8", "4" },
  },
  {
    id = "iter.csv-pipeline.convert-fill",
    topic = "iter.csv-pipeline",
    level = "intermediate",
    kind = "fill",
    prompt = "Complete the conversion stage: it turns `qty` into an int and passes every row on, lazily.",
    code = [[
def convert(rows):
    for row in rows:
        row["qty"] = ___(row["qty"])
        ___ row]],
    blanks = {
      { "int" },
      { "yield" },
    },
    hints = {
      "CSV values arrive as strings.",
      "A stage hands each row on without ending: not return.",
    },
    solution = "int\nyield",
    why = "A conversion stage is the smallest useful pipeline stage; return instead of yield would end it after one row.",
    wrong = { "int\nreturn", "str\nyield", "float\nreturn" },
  },
}
