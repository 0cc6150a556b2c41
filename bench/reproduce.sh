#!/usr/bin/env bash
# One command for the figures quoted in README: cross-validated quality (fold models that
# never saw a page's domain), side by side with trafilatura in the same run, speed, memory.
#   bash bench/reproduce.sh            # all 1,497 wcxb-dev pages (about 15 minutes)
#   bash bench/reproduce.sh --sample 200
#   bash bench/reproduce.sh --oldstyle --json bench/results/cv_oldstyle.json   # older markup
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
"$PY" -c "import catboost, trafilatura" 2>/dev/null || "$PY" -m pip install --quiet -e '.[train,bench]'
# Fold models: 5 folds grouped by domain (deterministic seeds); the packaged models are kept.
# Block scorers, page-type classifiers, each fold's score mapping for the page threshold,
# then the rescue classifiers, which learn from what those fold models keep.
# (bench/cv ships in the repository; this only runs when it was removed.)
if [ ! -f bench/cv/pagetype_oof.json ]; then
  "$PY" train/train_blocks.py --cv-out bench/cv --no-final --stages 1
  "$PY" train/train_pagetype.py --fold-dir bench/cv --no-final --old-weight 0.3
  "$PY" train/train_page_threshold.py --cv-dir bench/cv --no-final
  "$PY" train/train_rescue.py --collect --cv-out bench/cv
fi
# Title chooser folds (its own domain split); the harness then scores titles cross-validated.
[ -f bench/cv/title/folds.json ] || "$PY" train/train_title.py --fold-dir bench/cv/title --no-save
"$PY" bench/run.py --cv-dir bench/cv --compare trafilatura --json bench/results/cv.json "$@"
