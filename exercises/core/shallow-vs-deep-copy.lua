-- Exercises for core.shallow-vs-deep-copy.
return {
  {
    id = "core.shallow-vs-deep-copy.grid",
    topic = "core.shallow-vs-deep-copy",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [==[
import copy

grid = [[0, 0], [0, 0]]
shallow = grid[:]
deep = copy.deepcopy(grid)
shallow[0][0] = 1
deep[1][1] = 2
shallow.append([9])
print(grid)
print(len(grid), len(shallow))]==],
    expected = "[[1, 0], [0, 0]]\n2 3",
    accept = { "\\[\\[1,\\s*0\\],\\s*\\[0,\\s*0\\]\\]\\n2\\s+3" },
    hints = {
      "Which objects does `grid[:]` copy, and which does it share?",
      "A slice copies the outer list only; the rows are shared with grid.",
      "Changing a shared row shows in grid; appending to the new outer list does not.",
    },
    solution = "[[1, 0], [0, 0]]\n2 3",
    why = "Shallow copies share nested objects: a common source of action-at-a-distance bugs.",
    wrong = { "[[0, 0], [0, 0]]\n2 3", "[[1, 0], [0, 2]]\n3 3" },
  },
  {
    id = "core.shallow-vs-deep-copy.fill",
    topic = "core.shallow-vs-deep-copy",
    level = "intermediate",
    kind = "fill",
    prompt = "Make `backup` a copy of `settings` that later changes to the nested lists cannot affect.",
    code = [==[
import copy

settings = {"paths": ["/tmp"], "retries": [1, 2]}
backup = copy.___(settings)
settings["paths"].append("/var")
print(backup["paths"])   # ['/tmp']]==],
    blanks = { { "deepcopy" } },
    hints = {
      "`copy.copy` would share the lists inside the dict.",
      "You need the copy that recurses into nested objects.",
    },
    solution = "deepcopy",
    why = "Knowing when a shallow copy is not enough.",
    wrong = { "copy", "deep_copy" },
  },
}
