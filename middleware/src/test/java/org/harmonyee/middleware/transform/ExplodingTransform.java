package org.harmonyee.middleware.transform;

import com.bazaarvoice.jolt.Transform;

/** A JOLT step that fails at run time, as a buggy custom transform would. */
public class ExplodingTransform implements Transform {

    @Override
    public Object transform(Object input) {
        throw new IllegalStateException("exploded on purpose");
    }
}
