"""python -m karabakh_extract"""
from .cli import main

main()
