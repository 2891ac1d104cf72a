steps = 100
stpes = 200
