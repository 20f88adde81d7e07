a = 1000
b = 999 + 1
print(a is b)
