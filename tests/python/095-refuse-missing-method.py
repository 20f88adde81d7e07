print("abc".casefold())
