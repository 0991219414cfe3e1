"""The `revmod` console script: Django's management commands under the product's name.

Subcommands are written with hyphens (`revmod import-reviews`) and map to the management
command of the same name with underscores; `revmod --help` lists them.
"""

import os
import sys

PRODUCT_COMMANDS = {
    "serve": "Run the platform (web server and background worker).",
    "demo": "Load the real reference data and a demo mechanism in mid-course.",
    "import-reviews": "Import the state of a running mechanism from CSV or XLSX.",
    "draw": "Draw groups and reviewing States from a parties file.",
    "draw-check": "Check a pairings file against every rule of the draw.",
    "draw-eligible": "Say whether one State may review another, and why not.",
    "load-reference": "Load or update the reference data (parties, instruments, articles).",
    "run-scheduler": "Queue deadline reminders, missed-deadline notices and digests; retry e-mails (cron).",
    "load-questionnaires": "Load the self-assessment questionnaires shipped with revmod (cluster 1).",
    "report": "Write the status report as of a date (report status --as-of YYYY-MM-DD --format json|xlsx|docx).",
    "backup": "Write the database and files to one verified archive.",
    "restore": "Replace the database and files with a verified archive's.",
    "audit-verify": "Check that the audit trail's hash chain is intact.",
}


def _usage() -> str:
    lines = ["usage: revmod COMMAND [options]", "", "Commands:"]
    lines += [f"  {name:<16} {text}" for name, text in PRODUCT_COMMANDS.items()]
    lines += ["", "Every Django management command works too (revmod migrate, revmod shell, ...).",
              "revmod COMMAND --help tells more about one command."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "revmod.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"} and len(argv) == 2:
        print(_usage())
        return
    name = argv[1].replace("-", "_")
    import django
    from django.core.management import ManagementUtility, get_commands

    django.setup()
    if name in get_commands() and name != "help":
        # Run it directly so its usage line says `revmod import-reviews`, as typed.
        ManagementUtility(argv).fetch_command(name).run_from_argv(["revmod", *argv[1:]])
        return
    ManagementUtility([argv[0], name, *argv[2:]]).execute()


if __name__ == "__main__":
    main()
