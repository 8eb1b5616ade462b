# The two commands a newcomer needs (see README):
#   make up    – install what is missing, start the whole system with demo data, print where to click
#   make test  – run the full test suite (unit, integration on the real stack, browser) and bring up what it needs
.PHONY: up down test status deps
SHELL := /bin/bash

up:
	@bash scripts/up.sh

down:
	@bash scripts/down.sh

status:
	@bash scripts/stack.sh status

test:
	@bash scripts/test.sh
