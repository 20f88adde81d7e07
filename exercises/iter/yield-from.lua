-- Exercises for iter.yield-from: delegation, return values, recursion.
return {
  {
    id = "iter.yield-from.explain",
    topic = "iter.yield-from",
    level = "intermediate",
    kind = "explain",
    prompt = "What does `yield from sub` do? Is it just shorthand for `for x in sub: yield x`?",
    hints = {
      "For plain iteration the two behave the same. What else can a generator do besides yield?",
      "A generator can return a value, and callers can send() into it. Where do those go?",
      "yield from delegates items, forwards send/throw/close, and evaluates to the sub-generator's return value.",
    },
    solution = "yield from sub delegates to sub until it is exhausted: every item it produces goes straight to our caller, so for plain iteration it is the same as the for loop. It does more for generators: it forwards send(), throw() and close() from the caller into the sub-generator, and the yield from expression evaluates to the sub-generator's return value, e.g. count = yield from reader(). That makes recursive generators (flattening a tree) and composing generator-based coroutines simple; it is the idea await builds on.",
    why = "Tests whether you can compose generators and know the full generator protocol, not only yield.",
    rubric = {
      pass = 0.55,
      vocab = { "delegates", "delegation", "forwards", "subgenerator", "return", "value" },
      concepts = {
        { label = "delegation: the sub-iterable's items go straight to the caller", weight = 2,
          match = { "\\bdelegat\\w*", "\\bhands? (?:\\w+ ){0,2}(?:over|off)\\b", "\\bhands? control\\b",
                    "\\b(?:pass(?:es)?|forwards?|relays?|re-?yields?) (?:\\w+ ){0,3}(?:items?|values?|everything)\\b",
                    "\\bstraight (?:to|through)\\b", "\\bcomes? out of the outer\\b",
                    "\\byield(?:s|ing)? (?:each|every|all) (?:\\w+ )?(?:values?|items?|elements?)\\b", "\\bloop(?:s|ing)? over\\b",
                    "\\bas if the outer\\b", "\\bfor \\w+ in \\w+:? yield\\b", "\\bsame as (?:the |a )?(?:for )?loop\\b" } },
        { label = "it evaluates to the sub-generator's return value", weight = 1.5,
          match = { "\\breturn(?:ed)? values?\\b", "\\bwhat (?:\\w+ ){0,3}returns\\b", "\\b\\w+ = yield from\\b",
                    "\\bstopiteration\\.value\\b", "\\bevaluates to\\b", "\\bgets? (?:\\w+ ){0,3}back\\b",
                    "\\bresult of the yield from\\b", "\\breturn statement\\b" } },
        { label = "it forwards send(), throw() and close() to the sub-generator", weight = 1.5,
          match = { "\\bsend(?:s|ing)?\\b", "\\bthrow(?:s|n)?\\b", "\\bclose\\(\\)" } },
        { label = "uses: recursion, flattening, composing generators, coroutines", weight = 1,
          match = { "\\brecurs\\w*", "\\bflatten\\w*", "\\bnested\\b", "\\bcompos\\w*", "\\bchain\\w*",
                    "\\bawait\\b", "\\basync\\b", "\\bcoroutines?\\b", "\\btrees?\\b" } },
      },
      red_flags = {
        { label = "yield from does not collect the items into a list first", penalty = 0.6,
          match = { "\\b(?:builds?|creates?|returns?|collects?|makes?) (?:\\w+ ){0,3}(?:a |the )?(?:list|tuple)\\b",
                    "\\binto a list\\b", "\\bin one go\\b", "\\ball at once\\b" } },
        { label = "the sub-generator's return value is not lost: yield from evaluates to it", penalty = 0.6,
          match = { "\\breturn(?:ed)? values? (?:is |are |gets |get )?(?:lost|ignored|discarded|thrown away|dropped)\\b" } },
      },
    },
    samples = {
      good = {
        "yield from sub delegates to sub: every item it yields goes straight to our caller, so for plain iteration it equals for x in sub: yield x. But it also forwards send(), throw() and close() to the sub-generator, and the whole expression evaluates to the sub-generator's return value. That makes recursive generators like flatten easy.",
        "It lets one generator hand the job over to another one: whatever the inner one produces comes out of the outer one as if the outer had produced it. Beyond the plain loop, when the inner one finishes with a return statement you get that value back as the result, and anything the caller sends in reaches the inner one.",
        "yield from delegats to the subgenerator and pases each item through. It also forwards send and throw, and gives you the subgenerator's retrun value.",
      },
      bad = {
        "yield from runs the inner generator to completion, collects its items into a list and yields that list in one go.",
        "yield from, delegation, sub-generator, return value, send, throw, close, recursion.",
        "yield from does not pass the sub-generator's items to the caller, and its return value is discarded.",
      },
    },
  },
  {
    id = "iter.yield-from.return-value",
    topic = "iter.yield-from",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def inner():
    yield 1
    yield 2
    return "inner done"


def outer():
    result = yield from inner()
    print("got", result)
    yield 3


def wrong():
    yield inner()


print(list(outer()))
print(len(list(wrong())))]],
    expected = "got inner done\n[1, 2, 3]\n1",
    hints = {
      "What does the yield from expression evaluate to when inner() finishes?",
      "list() runs outer() to the end before print shows the list, so the print inside runs first.",
      "yield inner() hands out the generator object itself, as one item.",
    },
    why = "The return value of a sub-generator and the yield vs yield from slip are both classic follow-ups.",
    wrong = { "[1, 2, 3]\ngot inner done\n1", "got None\n[1, 2, 3]\n1", "got inner done\n[1, 2, 3]\n2" },
  },
  {
    id = "iter.yield-from.lost-recursion",
    topic = "iter.yield-from",
    level = "intermediate",
    kind = "bug",
    prompt = "`list(walk([1, [2, 3], [[4]], 5]))` should be `[1, 2, 3, 4, 5]` but gives `[1, 5]`. Which line is the bug? Say why.",
    code = [[
def walk(tree):
    for node in tree:
        if isinstance(node, list):
            walk(node)
        else:
            yield node]],
    buggy = 4,
    rubric = {
      concepts = {
        { label = "walk(node) only creates a generator, which is never iterated", weight = 2,
          match = { "\\bnever (?:\\w+ )?(?:iterated|consumed|used|run|looped)\\b", "\\bthrown away\\b", "\\bdiscard\\w*",
                    "\\bignored\\b", "\\bjust (?:creates?|returns?|makes?) (?:a )?generator\\b",
                    "\\bonly (?:creates?|returns?|makes?) (?:a )?generator\\b", "\\bnothing (?:\\w+ )?(?:runs|happens)\\b",
                    "\\bdoes(?:n't| not) run\\b", "\\bgenerator object\\b" } },
        { label = "fix: yield from walk(node)", weight = 1,
          match = { "\\byield from\\b" } },
      },
    },
    samples = {
      good = {
        "Calling walk(node) just creates a generator object that nobody iterates, so the nested items are thrown away. It must be yield from walk(node).",
        "The recursive call's generator is never consumed; write yield from walk(node) so its items reach the caller.",
      },
      bad = {
        "isinstance should check for tuple too.",
        "The else branch should return node.",
      },
    },
    hints = {
      "What does calling a generator function return, and does anything iterate it?",
      "The recursive call builds a generator and drops it.",
      "Replace it with yield from walk(node).",
    },
    solution = "Line 4: walk(node) only creates a generator object, which is never iterated, so the nested values are lost. Write yield from walk(node).",
    why = "A recursive generator that forgets yield from fails silently; spotting it shows you know calls to generator functions run nothing.",
    wrong = { "3", "6", "2" },
  },
  {
    id = "iter.yield-from.flatten-parsons",
    topic = "iter.yield-from",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a generator that flattens nested lists and tuples of any depth. Two lines do not belong.",
    lines = {
      "def flatten(items):",
      "    for item in items:",
      "        if isinstance(item, (list, tuple)):",
      "            yield from flatten(item)",
      "        else:",
      "            yield item",
    },
    distractors = {
      "            yield flatten(item)",
      "            return flatten(item)",
    },
    hints = {
      "Loop over the items; containers need a recursive call, other items are produced directly.",
      "The recursive call's items must reach our caller one by one.",
    },
    why = "Recursive flattening is the standard showcase for yield from.",
  },
}
