def inner(d):
    return d["missing"]

print("before")
inner({"present": 1})
