-- A missing comma between two fields.
steps = 100
methods = { {name = 'gd' lr = 0.1} }
