package io.duban.command.web;

public record ProgressRequest(Integer percent, String note, String reasonForDecrease) {
}
