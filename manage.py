#!/usr/bin/env python
"""Django's command-line utility for the EIP Viet Nam site."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eipvn.settings.dev")
    # Django's own layout: the settings module is chosen before Django loads.
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
