import { InputType } from 'type-graphql';
import { TextField } from './text-field';

/**
 * Who decided and by which document (lawyer13 R8): the two optional fields every decision input
 * shares (resolveObjection, decideFindingObjection, decideCreditRepair). The document number is
 * checked by the use case (src/registry/decision-record.ts), as every other document number is.
 */
// Decorated so that type-graphql passes its fields on; no field takes it, so the schema does not show it.
@InputType()
export abstract class DecisionFields {
  @TextField(100, { nullable: true, description: '决定机关 / The body that made the decision, plain text, at most 100 characters; shown in the record\'s history line where the decision changes the record.' })
  decidedBy?: string | null;

  @TextField(100, { nullable: true, description: '决定文号 / The decision\'s document number: a four-digit year in brackets and a number ending in 号, e.g. 鄂州市信用办〔2025〕12号.' })
  documentNumber?: string | null;
}
