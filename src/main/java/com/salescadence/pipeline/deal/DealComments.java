package com.salescadence.pipeline.deal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.OpportunityService;

/**
 * Comments on a deal: the owner's managers (and administrators) comment on the team's deals, the owner answers.
 * Whoever may see the deal may comment on it; a deal one may not see is 404.
 */
@Service
@Transactional
public class DealComments {

    public static final int LENGTH = 2000;

    private final DealChangeRepository repository;
    private final OpportunityService opportunities;
    private final Clock clock;

    DealComments(DealChangeRepository repository, OpportunityService opportunities, Clock clock) {
        this.repository = repository;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    public List<DealComment> add(long opportunityId, String body, String authorId) {
        opportunities.visibleTo(opportunityId, authorId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new ValidationException("请写下评论内容。 / Write the comment first.");
        }
        if (Checks.hasNul(text)) {
            throw new ValidationException("评论不能包含 NUL 字符。 / The comment may not contain a NUL character.");
        }
        if (text.length() > LENGTH) {
            throw new ValidationException("评论太长：最多 " + LENGTH + " 个字符，实际为 " + text.length() + " 个。 / The comment is too long: at most "
                    + LENGTH + " characters, got " + text.length() + ".");
        }
        repository.insertComment(opportunityId, authorId, text, LocalDateTime.now(clock));
        return repository.comments(opportunityId);
    }

    @Transactional(readOnly = true)
    public List<DealComment> list(long opportunityId, String viewerId) {
        opportunities.visibleTo(opportunityId, viewerId);
        return repository.comments(opportunityId);
    }
}
