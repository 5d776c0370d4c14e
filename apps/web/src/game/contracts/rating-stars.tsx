/**
 * A public contract rating: five stars filled to the weighted score, the score and how
 * many ratings make it ("new" with none). No hooks: the game window, the staff page
 * and the public profile (a server component) draw it alike.
 */
import { ratingText, starsPct } from './contracts-view';

export function RatingStars({
  rating,
  testId = 'contract-rating',
}: {
  rating: { score: number | null; count: number };
  testId?: string;
}) {
  const text = ratingText(rating);
  return (
    <span
      className="ct-stars"
      data-testid={testId}
      data-score={rating.score ?? ''}
      data-count={rating.count}
      title={
        rating.count > 0 ? `Contract rating ${text}, weighted by reward` : 'No contract ratings yet'
      }
    >
      <span className="ct-stars__row" aria-hidden>
        ★★★★★
        <span className="ct-stars__fill" style={{ width: `${starsPct(rating.score)}%` }}>
          ★★★★★
        </span>
      </span>
      <span className="ct-stars__text">
        {rating.count > 0 ? `${rating.score?.toFixed(1)} (${rating.count})` : 'new'}
      </span>
    </span>
  );
}
