class Plain:
    pass

print(Plain())
