-- Exercises for iter.itertools-combinatorics: combinations,
-- permutations, product, and their sizes.
return {
  {
    id = "iter.itertools-combinatorics.round-robin",
    topic = "iter.itertools-combinatorics",
    level = "beginner",
    kind = "choice",
    prompt = "Every two of the teams `[\"A\", \"B\", \"C\", \"D\"]` must play each other exactly once. Which call lists the matches?",
    options = {
      { text = "combinations(teams, 2)", correct = true,
        why = "Order does not matter and a team never plays itself: C(4, 2) = 6 matches." },
      { text = "permutations(teams, 2)", why = "Order matters there: A-B and B-A are both listed, 12 tuples." },
      { text = "product(teams, repeat=2)", why = "Includes A-A and both orders: 16 tuples." },
      { text = "combinations_with_replacement(teams, 2)", why = "Allows a team to play itself (A-A): 10 tuples." },
    },
    hints = {
      "Does A against B differ from B against A? Can a team play itself?",
      "No order and no repeats: that is a combination.",
    },
    solution = "combinations(teams, 2)",
    why = "Choosing the function by \"does order matter, are repeats allowed\" is the whole skill.",
  },
  {
    id = "iter.itertools-combinatorics.counts",
    topic = "iter.itertools-combinatorics",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import combinations, permutations, product

print(len(list(combinations(range(5), 2))))
print(len(list(permutations(range(5), 2))))
print(len(list(product("ab", repeat=3))))
print(list(combinations("aab", 2)))
print(list(product([1, 2], "xy"))[1])]],
    expected = "10\n20\n8\n[('a', 'a'), ('a', 'b'), ('a', 'b')]\n(1, 'y')",
    hints = {
      "C(5, 2) = 5!/(2!3!), P(5, 2) = 5!/3!, and product with repeat=3 is 2 to the power 3.",
      "Items are distinct by position, not by value: the two a's are different items.",
      "product varies the rightmost input fastest, like nested loops.",
    },
    why = "Counting before iterating, and knowing the output order, comes up whenever brute force is on the table.",
    wrong = {
      "10\n20\n8\n[('a', 'b')]\n(1, 'y')",
      "10\n20\n6\n[('a', 'a'), ('a', 'b'), ('a', 'b')]\n(2, 'x')",
      "20\n10\n8\n[('a', 'a'), ('a', 'b'), ('a', 'b')]\n(1, 'y')",
    },
  },
  {
    id = "iter.itertools-combinatorics.variants",
    topic = "iter.itertools-combinatorics",
    level = "beginner",
    kind = "fill",
    prompt = "List every shirt variant (one size, one colour, one sleeve length each) without writing nested loops.",
    code = [[
from itertools import ___

sizes = ["S", "M", "L"]
colors = ["red", "blue"]
sleeves = ["short", "long"]
variants = list(___)]],
    blanks = {
      { "product" },
      { "product(sizes, colors, sleeves)",
        patterns = { "^(?:itertools\\.)?product\\(\\s*sizes\\s*,\\s*colors\\s*,\\s*sleeves\\s*\\)$" } },
    },
    hints = {
      "Three nested loops over three lists: which itertools function is that?",
      "The Cartesian product; pass the three lists as separate arguments.",
    },
    solution = "product\nproduct(sizes, colors, sleeves)",
    why = "product replaces nested loops and makes the 3 x 2 x 2 = 12 count obvious.",
    wrong = { "combinations\ncombinations(sizes, colors, sleeves)", "product\nproduct([sizes, colors, sleeves])" },
  },
  {
    id = "iter.itertools-combinatorics.explain",
    topic = "iter.itertools-combinatorics",
    level = "intermediate",
    kind = "explain",
    prompt = "How do you choose between `combinations`, `permutations` and `product`? What do you check before looping over one?",
    hints = {
      "Two questions decide it: does order matter, and can an item be picked again?",
      "combinations: order ignored; permutations: order matters; product: one pick from each input, like nested loops.",
      "These grow factorially: count with math.comb / math.perm first, and keep them lazy.",
    },
    solution = "combinations(items, r) yields each group of r items once: order does not matter and no item is reused, as in round-robin pairs. permutations(items, r) yields every ordering, so order matters: A-B and B-A are both there. product(a, b, ...) is the Cartesian product, one pick from each input, the same as nested loops (repeat= for picking from one input several times). Before iterating, estimate the size with math.comb or math.perm, because these spaces grow factorially; never call list() on a big one, and if it is huge, look for a smarter algorithm than brute force.",
    why = "Choosing by \"does order matter, are repeats allowed\" and estimating the size first is what interviewers listen for.",
    rubric = {
      vocab = { "combinations", "permutations", "product", "cartesian" },
      concepts = {
        { label = "combinations: order does not matter, no repeats", weight = 1.5,
          subject = { "\\bcombinations?\\b" },
          object = { "\\border\\b(?=(?: \\w+){0,2} (?:does(?:n't| not)|is(?:n't| not)) (?:matter|important|relevant|count))",
                     "\\bunordered\\b", "\\bsubsets?\\b", "\\bgroups?\\b", "(?<=ignore )order\\b", "(?<=ignores )order\\b", "(?<=ignore the )order\\b", "(?<=ignores the )order\\b", "\\bregardless of (?:the )?order\\b",
                     "\\bsame (?:group|set|team|pair)\\b" } },
        { label = "permutations: order matters", weight = 1.5,
          subject = { "\\bpermutations?\\b" },
          object = { "\\border (?:matters|counts|is important)\\b", "\\bordered\\b", "\\barrangements?\\b", "\\borderings?\\b",
                     "\\babout (?:the )?order\\b", "\\bboth orders\\b", "\\bevery order\\b" } },
        { label = "product: Cartesian product, like nested loops over several inputs", weight = 1.5,
          subject = { "\\bproduct\\b" },
          object = { "\\bcartesian\\b", "\\bnested (?:for )?loops?\\b", "\\bevery (?:combination|pairing|choice)\\b",
                     "\\bone (?:\\w+ )?(?:from|of) each\\b", "\\brepeat=", "\\beach (?:list|input|iterable)\\b" } },
        { label = "count first (math.comb / math.perm): these grow explosively; stay lazy", weight = 1.5,
          match = { "\\bmath\\.(?:comb|perm)\\b", "\\bcomb\\(", "\\bperm\\(", "\\bfactorial\\w*", "\\bn!", "\\bexplo\\w*",
                    "\\bgrows? (?:\\w+ ){0,2}(?:fast|quickly)\\w*\\b", "\\bblows? up\\b", "\\bhow many\\b", "\\bsize\\b",
                    "\\bmemory\\b", "\\blaz\\w+", "\\bexponential\\w*", "\\bcount (?:first|them|it)\\b" } },
      },
      red_flags = {
        { label = "in combinations order does not matter (it does in permutations)", penalty = 0.6, near = 6,
          subject = { "\\bcombinations?\\b" }, object = { "\\border (?:matters|counts|is important)\\b" } },
        { label = "in permutations order matters", penalty = 0.6, near = 6,
          subject = { "\\bpermutations?\\b" },
          object = { "\\border\\b(?=(?: \\w+){0,2} (?:does(?:n't| not)|is(?:n't| not)) (?:matter|important|count))" } },
        { label = "these return lazy iterators, not lists", penalty = 0.6,
          match = { "\\breturns? (?:\\w+ ){0,2}lists?\\b", "\\bcall len\\(\\)? on\\b" } },
      },
    },
    samples = {
      good = {
        "combinations gives each group once, because order doesn't matter and no item repeats, which is right for round-robin pairs. permutations gives every arrangement, since order matters: A-B and B-A both appear. product is the Cartesian product, like nested loops over several inputs. Before looping, estimate the size with math.comb or math.perm because these grow factorially, and keep them lazy.",
        "combinations just pick a group: the same people in another order are the same group. Permutations treat every arrangement as different. With product you pick one thing from each of several lists, the same as nested loops. Count first, because the number of results blows up very quickly.",
        "Combinatoins ignore order, permutatoins care about the order, and product is the cartesian product like nested loops; check the size with math.comb first.",
      },
      bad = {
        "They all return lists of every possible tuple, so just call len() on the result to see how many there are.",
        "combinations, permutations, product, order, repeats, math.comb, math.perm, lazy.",
        "Use permutations when the order doesn't matter and combinations when the order matters; product gives only unique pairs.",
      },
    },
  },
}
