import sys

from claimtrail.serve.cli import main

sys.exit(main())
