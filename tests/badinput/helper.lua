scale = 3          -- a helper variable without 'local'
steps = 100 * scale
