# 06-ill-conditioned.gp — Lab 06, section 4: the race on the same valley turned (by turn degrees):
# SGD, SGD + momentum, AdaGrad, RMSProp and Adam, paths over the contours
# (top) and the loss against the step (bottom).
# The drawing is figures/06-race.gp; its header lists the data and variables.
load stylefile
load root . '/figures/06-race.gp'
