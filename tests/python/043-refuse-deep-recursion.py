def down(n):
    return n if n == 0 else down(n - 1)
print(down(5000))
