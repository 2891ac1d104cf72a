# 06-saddle.gp — Lab 06, section 4: the race on the saddle x^2 - y^2:
# SGD, SGD + momentum, AdaGrad, RMSProp and Adam, paths over the contours
# (top) and the loss against the step (bottom).
# The drawing is figures/06-race.gp; its header lists the data and variables.
load stylefile
load root . '/figures/06-race.gp'
