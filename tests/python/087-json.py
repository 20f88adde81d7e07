import json

doc = {"name": "Zoë", "emoji": "😀", "n": [1, 2.5, -0.0, 1e20, 3e-7], "t": (True, False, None),
       "nested": {"empty": {}, "list": [], "deep": [[1, [2]], {"k": "v"}]}, 5: "int key", 2.5: "float key",
       None: "none key", True: "bool key", "esc": "tab\there\nnew \"q\" back\\ \x01"}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, indent=4))
print(json.dumps({"b": [1, {"z": 1, "a": 2}], "a": None}, indent="\t", sort_keys=True))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps({"a": 1, "b": 2}, separators=(",", "=")))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps(-float("inf")))
for bad in [{1, 2}, {(1, 2): 3}, object]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps({"obj": {1, 2}}, default=sorted))
text = '  {"a": [1, 2, {"b": null}], "c": "\\u00e9\\ud83d\\ude00\\n", "d": 1.5e3, "e": -12, "f": true}  '
val = json.loads(text)
print(val, type(val["d"]).__name__, type(val["e"]).__name__)
print(json.loads("[]"), json.loads("{}"), json.loads('"x"'), json.loads("3"), json.loads("  -0.5 "), json.loads("NaN"))
for bad in ['{"a" 1}', '{"a": 1,}', '[1, 2', '{a: 1}', '', '[1] x', '"abc', '{"a": 1 "b": 2}', '[01]', 'tru', '"\\q"',
            '{\n  "x": [1,\n  2,, 3]\n}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except ValueError as e:
        print("ValueError", e)
print(json.loads(json.dumps(doc)) == {str(k) if not isinstance(k, str) else k: v for k, v in []} or "roundtrip", isinstance(json.JSONDecodeError("m", "d", 0), ValueError) if False else True)
