import multiprocessing
import sys

from kzeu_desk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a packaged build starts its worker processes through this entry point
    sys.exit(main())
