from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "revmod.reviews"
    label = "reviews"
