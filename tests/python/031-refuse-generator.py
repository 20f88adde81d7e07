def averager():
    total = 0
    x = yield total
