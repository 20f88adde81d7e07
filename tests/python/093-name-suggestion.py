def average(values):
    total = sum(values)
    return totl / len(values)


print("start")
print(average([1, 2, 3]))
