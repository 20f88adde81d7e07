-- Exercises for iter.builtin-iterables: what strings, dicts, sets and
-- files hand out when iterated.
return {
  {
    id = "iter.builtin-iterables.dict-and-str",
    topic = "iter.builtin-iterables",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
ages = {"zoe": 31, "adam": 25}
ages["bob"] = 40
print(list(ages))
print(max(ages), max(ages.values()))
print([k + str(v) for k, v in ages.items()][-1])
print(list("no!"), len(list(ages.items())))]],
    expected = "['zoe', 'adam', 'bob']\nzoe 40\nbob40\n['n', 'o', '!'] 3",
    hints = {
      "What does iterating a dict give, and in what order?",
      "Keys, in insertion order; max() of the keys compares strings.",
      "'zoe' is the largest string; the last item is the one added last.",
    },
    why = "Dicts iterate over keys in insertion order; forgetting .values() or .items() is a common slip.",
    wrong = {
      "['adam', 'bob', 'zoe']\nzoe 40\nbob40\n['n', 'o', '!'] 3",
      "['zoe', 'adam', 'bob']\nbob 40\nbob40\n['n', 'o', '!'] 3",
      "[('zoe', 31), ('adam', 25), ('bob', 40)]\nzoe 40\nbob40\n['no!'] 3",
    },
  },
  {
    id = "iter.builtin-iterables.file-twice",
    topic = "iter.builtin-iterables",
    level = "intermediate",
    kind = "choice",
    prompt = "Inside one `with open(path) as f:` block, a function counts the lines with `for line in f`, then a second `for line in f` loop prints them. The second loop prints nothing. Why?",
    options = {
      { text = "The file is its own iterator, and the first loop left its position at the end", correct = true,
        why = "iter(f) is f, so both loops share one position; f.seek(0) would rewind it." },
      { text = "The first loop closed the file when it reached the end", why = "Iterating does not close a file; only leaving the with block does." },
      { text = "Files can only be looped over through f.readlines(), not directly", why = "A file is iterable line by line; readlines() just loads all lines into a list." },
      { text = "Each line is removed from the file as soon as it is read", why = "Reading never changes the file on disk; only the position moves." },
    },
    hints = {
      "Compare: looping over a list twice works. What is different about a file?",
      "What does iter(f) return for a file object?",
    },
    solution = "The file is its own iterator, and the first loop left its position at the end",
    why = "Files, sockets, cursors and csv readers are single-pass, like generators.",
  },
  {
    id = "iter.builtin-iterables.delete-while-looping",
    topic = "iter.builtin-iterables",
    level = "intermediate",
    kind = "bug",
    prompt = "This should drop the products that are out of stock, but it raises `RuntimeError: dictionary changed size during iteration`. Which line is the bug?",
    code = [[
def drop_empty(stock):
    for name in stock:
        if stock[name] == 0:
            del stock[name]
    return stock


print(drop_empty({"tea": 2, "jam": 0, "oil": 5}))]],
    buggy = 2,
    hints = {
      "What is the loop walking over while the body removes keys?",
      "A dict must not change size while it is being iterated.",
      "Iterate over a snapshot: for name in list(stock):",
    },
    solution = "Line 2: the loop iterates over the dict that line 4 shrinks. Loop over a copy of the keys (for name in list(stock):) or build a new dict with a comprehension.",
    why = "Mutating a collection while iterating over it is a classic code-review catch.",
    wrong = { "4", "3", "5" },
  },
}
