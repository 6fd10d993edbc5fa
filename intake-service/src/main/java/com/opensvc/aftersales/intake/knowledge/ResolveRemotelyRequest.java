package com.opensvc.aftersales.intake.knowledge;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param articleId    the knowledge article whose solution worked, if one did
 * @param solution     what solved the problem, as told to the customer (required)
 * @param createArticle capture the solution as a new DRAFT article for the ticket's model
 * @param articleTitle the captured article's title (default: the ticket's fault description)
 */
public record ResolveRemotelyRequest(
        UUID articleId,
        @NotBlank @Size(max = 4000) String solution,
        Boolean createArticle,
        @Size(max = 200) String articleTitle) {

    public boolean capture() {
        return Boolean.TRUE.equals(createArticle);
    }
}
