"""The reviews app's commands: `revmod import-reviews`."""
