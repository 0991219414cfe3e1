from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "revmod.accounts"
    label = "accounts"
