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
}
