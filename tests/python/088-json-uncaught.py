import json

print(json.loads("[1, 2]"))
config = json.loads("{\"port\": 80,}")
print(config)
